using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Pebble.Server;

namespace Charmarr.Ops.Testing.Tests.Pebble.Conformance;

/// <summary>
/// The real <see cref="PebbleClient"/> against faults only the simulator's socket face can stage (server errors, cut
/// connections, unreadable files for a root caller) or that need the peer gone; the rest of the client's behaviour
/// is in <see cref="ClientConformanceTests"/>, on real Pebble too.
/// </summary>
public sealed class SimulatorFaultTests : IAsyncDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pbf").FullName;
    private PebbleSocketServer? server;
    private PebbleClient? client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PebbleSocketServer Server => server ?? throw new InvalidOperationException("call StartAsync");

    private PebbleClient Client => client ?? throw new InvalidOperationException("call StartAsync");

    public async ValueTask DisposeAsync()
    {
        client?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Pulling_an_unreadable_file_is_a_permission_denied_path_error()
    {
        await StartAsync();
        Server.Simulator.WriteFile("/secret", "x");
        Server.Simulator.DenyRead("/secret");

        var error = await Assert.ThrowsAsync<PebblePathException>(() => Client.PullAsync("/secret", Ct));

        Assert.True(error.IsPermissionDenied);
    }

    [Fact]
    public async Task Pushing_into_an_unwritable_place_is_a_permission_denied_path_error()
    {
        await StartAsync();
        Server.Simulator.MakeDirectory("/ro");
        Server.Simulator.DenyWrite("/ro");

        var error = await Assert.ThrowsAsync<PebblePathException>(() => Client.PushTextAsync("/ro/f", "x", cancellationToken: Ct));

        Assert.True(error.IsPermissionDenied);
    }

    [Fact]
    public async Task An_injected_server_error_is_an_API_error_500()
    {
        await StartAsync();
        Server.InjectError("GET", "/v1/services", 500, "boom");

        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Client.GetServicesAsync(cancellationToken: Ct));

        Assert.Equal((500, "Internal Server Error", "boom"), (error.StatusCode, error.Status, error.ApiMessage));
    }

    [Fact]
    public async Task A_socket_that_is_gone_is_a_connection_error()
    {
        await StartAsync();
        await Server.DisposeAsync();
        server = null;

        var error = await Assert.ThrowsAsync<PebbleConnectionException>(() => Client.GetSystemInfoAsync(Ct));

        Assert.Contains("socket not found", error.Message, StringComparison.Ordinal);
        Assert.False(await Client.CanConnectAsync(Ct));
    }

    [Fact]
    public async Task Following_logs_of_a_socket_that_is_gone_is_a_connection_error()
    {
        await StartAsync();
        await Server.DisposeAsync();
        server = null;

        var error = await Assert.ThrowsAsync<PebbleConnectionException>(async () =>
        {
            await foreach (var _ in Client.FollowLogsAsync(cancellationToken: Ct))
            {
            }
        });

        Assert.Contains("socket not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pull_cut_mid_transfer_is_a_connection_error()
    {
        await StartAsync();
        Server.Simulator.WriteFile("/big", new byte[1024 * 1024]);
        Server.CloseConnectionMidTransfer("GET", "/v1/files", afterResponseBytes: 64 * 1024);

        var error = await Assert.ThrowsAnyAsync<PebbleException>(async () =>
        {
            var stream = await Client.PullAsync("/big", Ct);
            await using (stream)
            {
                await stream.CopyToAsync(Stream.Null, Ct);
            }
        });

        Assert.IsType<PebbleConnectionException>(error);
    }

    [Fact]
    public async Task A_push_cut_mid_upload_is_a_connection_error()
    {
        await StartAsync();
        Server.CloseConnectionMidTransfer("POST", "/v1/files");

        await Assert.ThrowsAsync<PebbleConnectionException>(() => Client.PushBytesAsync("/big", new byte[4 * 1024 * 1024], cancellationToken: Ct));
    }

    private async Task StartAsync()
    {
        server = await PebbleSocketServer.StartAsync(new PebbleSimulator(), Path.Combine(directory, "p.sock"), Ct);
        client = new PebbleClient(server.SocketPath);
    }
}
