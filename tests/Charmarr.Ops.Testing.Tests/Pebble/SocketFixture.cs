using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Pebble.Server;

namespace Charmarr.Ops.Testing.Tests.Pebble;

/// <summary>A simulator served on a fresh unix socket, and raw HTTP/websocket clients for it.</summary>
internal sealed class SocketFixture : IAsyncDisposable
{
    private readonly string directory;

    private SocketFixture(string directory, PebbleSocketServer server, SocketsHttpHandler handler)
    {
        this.directory = directory;
        Server = server;
        Handler = handler;
        Http = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri("http://localhost"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public PebbleSocketServer Server { get; }

    public PebbleSimulator Simulator => Server.Simulator;

    public SocketsHttpHandler Handler { get; }

    public HttpClient Http { get; }

    public static async Task<SocketFixture> StartAsync(PebbleSimulator? simulator = null)
    {
        var directory = Directory.CreateTempSubdirectory("pbl").FullName;
        var socketPath = Path.Combine(directory, "p.sock");
        var server = await PebbleSocketServer.StartAsync(simulator ?? new PebbleSimulator(), socketPath, TestContext.Current.CancellationToken);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancel) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancel);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new SocketFixture(directory, server, handler);
    }

    public async Task<(int Status, string Body)> GetAsync(string path, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async Task<(int Status, string Body)> SendAsync(string method, string path, string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public Task<(int Status, string Body)> PostAsync(string path, string json) => SendAsync("POST", path, json);

    public async Task<ClientWebSocket> ConnectWebSocketAsync(string path)
    {
        var socket = new ClientWebSocket();
        using var invoker = new HttpMessageInvoker(Handler, disposeHandler: false);
        await socket.ConnectAsync(new Uri("ws://localhost" + path), invoker, TestContext.Current.CancellationToken);
        return socket;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Handler.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
