using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Charmarr.Ops.Testing.Kubernetes;

/// <summary>
/// The simulator's HTTP face: a minimal HTTP/1.1 server on a free loopback port, for the real Kubernetes client
/// (<c>KubernetesStatefulSetApi.ForHost(server.BaseAddress)</c>). Every request goes to the one
/// <see cref="KubernetesSimulator"/>. Start it with <see cref="KubernetesSimulator.StartServer"/>; dispose it to stop it.
/// </summary>
public sealed class KubernetesApiServer : IAsyncDisposable
{
    private readonly KubernetesSimulator _simulator;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<TcpClient, Task> _connections = new();
    private readonly Task _accepting;

    private KubernetesApiServer(KubernetesSimulator simulator)
    {
        _simulator = simulator;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        _accepting = AcceptAsync();
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Stops the server and closes its connections.</summary>
    /// <returns>A task that completes when everything has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        foreach (var client in _connections.Keys)
        {
            client.Dispose();
        }

        await _accepting;
        await Task.WhenAll(_connections.Values);
        _stopping.Dispose();
    }

    /// <summary>Starts a server for <paramref name="simulator"/>.</summary>
    internal static KubernetesApiServer Start(KubernetesSimulator simulator) => new(simulator);

    private static byte[] Format(SimulatedResponse response, bool keepAlive)
    {
        var body = Encoding.UTF8.GetBytes(response.Body);
        var head = string.Create(
            CultureInfo.InvariantCulture,
            $"HTTP/1.1 {response.StatusCode} {KubernetesStatus.Phrase(response.StatusCode)}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n{(keepAlive ? string.Empty : "Connection: close\r\n")}\r\n");
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _connections[client] = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        await Task.Yield();
        try
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            var reader = new HttpRequestReader(stream);
            while (await reader.ReadAsync(_stopping.Token) is { } request)
            {
                var response = _simulator.Handle(request.ToSimulated());
                // One write per response: separate header and body writes cost ~40 ms each (Nagle + delayed ACK).
                await stream.WriteAsync(Format(response, request.KeepAlive), _stopping.Token);
                if (!request.KeepAlive)
                {
                    break;
                }
            }
        }
        catch (FormatException e)
        {
            await TryWriteAsync(client, Format(KubernetesStatus.Failure(400, e.Message), keepAlive: false));
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away, or the server is stopping.
        }
        finally
        {
            _connections.TryRemove(client, out _);
            client.Dispose();
        }
    }

    private async Task TryWriteAsync(TcpClient client, byte[] bytes)
    {
        try
        {
            await client.GetStream().WriteAsync(bytes, _stopping.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Nothing more to do for a broken connection.
        }
    }
}
