using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Charmarr.Ops.Testing.Pebble.Server;

/// <summary>
/// Serves a <see cref="PebbleSimulator"/> on a real unix socket with Pebble's wire protocol (HTTP/1.1, JSON envelopes,
/// multipart files, exec websockets), so the real client can be tested against it. Faults can be queued per endpoint.
/// </summary>
public sealed class PebbleSocketServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FaultInjector faults;

    private PebbleSocketServer(WebApplication app, FaultInjector faults, string socketPath, PebbleSimulator simulator)
    {
        this.app = app;
        this.faults = faults;
        SocketPath = socketPath;
        Simulator = simulator;
    }

    /// <summary>The socket the server listens on.</summary>
    public string SocketPath { get; }

    /// <summary>The simulator it serves.</summary>
    public PebbleSimulator Simulator { get; }

    /// <summary>Starts listening on <paramref name="socketPath"/> (a stale socket file there is replaced).</summary>
    public static async Task<PebbleSocketServer> StartAsync(PebbleSimulator simulator, string socketPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(socketPath);
        if (File.Exists(socketPath))
        {
            File.Delete(socketPath);
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddLogging(logging => logging.ClearProviders());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.ListenUnixSocket(socketPath);
            options.AddServerHeader = false;
            options.Limits.MaxRequestBodySize = null;
            options.Limits.MinRequestBodyDataRate = null;
            options.Limits.MinResponseDataRate = null;
        });
        var app = builder.Build();
        var faults = new FaultInjector();
        var router = new PebbleRouter(simulator, faults, new ExecConnections());
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.Run(router.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new PebbleSocketServer(app, faults, socketPath, simulator);
    }

    /// <summary>Answers the next <paramref name="method"/> request to <paramref name="path"/> (e.g. <c>/v1/services</c>) with this error.</summary>
    public void InjectError(string method, string path, int statusCode, string message, string? kind = null) =>
        faults.Add(method, path, new ErrorFault(statusCode, message, kind));

    /// <summary>
    /// Closes the connection of the next such request after <paramref name="afterResponseBytes"/> bytes of its response
    /// body (0: at once, before reading the request body — a push cut mid-upload). A connection closed before any
    /// response byte may be retried by the client's HTTP stack on a new connection: queue the fault twice for that case.
    /// </summary>
    public void CloseConnectionMidTransfer(string method, string path, long afterResponseBytes = 0) =>
        faults.Add(method, path, new AbortFault(afterResponseBytes));

    /// <summary>Stops the server and removes the socket file.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        if (File.Exists(SocketPath))
        {
            File.Delete(SocketPath);
        }
    }
}
