using System.Net;
using System.Net.Sockets;

namespace Charmarr.Ops.Tests.Tracing;

/// <summary>An OTLP/HTTP collector on loopback that answers 200 and keeps each request.</summary>
internal sealed class LoopbackCollector : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;

    public LoopbackCollector()
    {
        Url = new Uri($"http://127.0.0.1:{FreePort()}/");
        listener.Prefixes.Add(Url.AbsoluteUri);
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public List<(string Path, string? ContentType, byte[] Body)> Requests { get; } = [];

    /// <summary>A loopback port nothing listens on (connections are refused).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try
        {
            serving.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // Stopped while waiting for a request.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            lock (Requests)
            {
                Requests.Add((context.Request.Url!.AbsolutePath, context.Request.ContentType, body.ToArray()));
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
