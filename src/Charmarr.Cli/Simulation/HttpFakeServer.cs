using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Charmarr.Cli.Simulation;

/// <summary>Serves a scenario's canned HTTP responses on a free loopback port; unknown routes get 404.</summary>
internal sealed class HttpFakeServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly HttpFake fake;
    private readonly List<string> requests = [];

    private HttpFakeServer(HttpFake fake, string url, string prefix)
    {
        this.fake = fake;
        Url = url;
        listener.Prefixes.Add(prefix);
        listener.Start();
        _ = ServeAsync();
    }

    public string Url { get; }

    public HttpFake Fake => fake;

    /// <summary>The requests answered so far, as <c>METHOD /path → status</c>.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    public static HttpFakeServer Start(HttpFake fake)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var url = $"http://127.0.0.1:{port}";
        return new HttpFakeServer(fake, url, url + "/");
    }

    /// <summary>Serves on <paramref name="port"/> of every address, for any Host: a stand-in's server inside a container's
    /// own network namespace, where the workload's checks reach it as <c>localhost</c>.</summary>
    public static HttpFakeServer Listen(HttpFake fake, int port) => new(fake, $"http://localhost:{port}", $"http://*:{port}/");

    public void Dispose() => listener.Close();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url?.AbsolutePath ?? "/";
            var route = fake.Routes.FirstOrDefault(r => string.Equals(r.Method, context.Request.HttpMethod, StringComparison.OrdinalIgnoreCase) && r.Path == path);
            var status = route?.Status ?? 404;
            lock (requests)
            {
                requests.Add($"{context.Request.HttpMethod} {path} → {status}");
            }

            var body = Encoding.UTF8.GetBytes(route?.Body ?? $"no canned response for {context.Request.HttpMethod} {path} in the scenario");
            context.Response.StatusCode = status;
            context.Response.ContentType = route?.ContentType ?? "text/plain";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
