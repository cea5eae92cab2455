using Charmarr.Ops.Pebble;
using Charmarr.Ops.Tests.Pebble.Server;

namespace Charmarr.Ops.Tests.Pebble;

/// <summary>
/// Following logs over a real socket: Pebble v1.32.1 sends no response headers for <c>follow=true</c> until the next
/// log line is written, so a follow must wait past the call timeout (until cancelled), while a real connection
/// problem is still a typed <see cref="PebbleConnectionException"/>.
/// </summary>
public sealed class PebbleClientFollowTests : PebbleWireTest
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMilliseconds(200);

    private const string Line = "{\"time\":\"2023-03-08T09:55:11Z\",\"service\":\"plex\",\"message\":\"late\"}\n";

    [Fact]
    public async Task A_follow_waits_past_the_call_timeout_for_Pebbles_first_headers()
    {
        using var client = new PebbleClient(Server.SocketPath, CallTimeout);
        Server.Enqueue(new DelayedReply(CallTimeout * 5, new StreamingReply(200, "application/x-ndjson", write => write(System.Text.Encoding.UTF8.GetBytes(Line)))));

        var messages = await Within(Task.Run(async () =>
        {
            var received = new List<string>();
            await foreach (var entry in client.FollowLogsAsync(["plex"], TestContext.Current.CancellationToken))
            {
                received.Add(entry.Message);
            }

            return received;
        }, TestContext.Current.CancellationToken));

        Assert.Equal(["late"], messages);
    }

    [Fact]
    public async Task A_follow_cancelled_before_Pebble_answered_ends_quietly()
    {
        using var client = new PebbleClient(Server.SocketPath, CallTimeout);
        Server.Enqueue(new SilentReply());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stop.CancelAfter(CallTimeout * 3);

        var count = await Within(Task.Run(async () =>
        {
            var n = 0;
            await foreach (var _ in client.FollowLogsAsync(["plex"], stop.Token))
            {
                n++;
            }

            return n;
        }, TestContext.Current.CancellationToken));

        Assert.Equal(0, count);
        Assert.True(stop.IsCancellationRequested);
    }

    [Fact]
    public async Task Reading_logs_without_follow_still_times_out_as_a_connection_error()
    {
        using var client = new PebbleClient(Server.SocketPath, CallTimeout);
        Server.Enqueue(new SilentReply());

        var error = await Within(Assert.ThrowsAsync<PebbleConnectionException>(() => client.GetLogsAsync(["plex"], cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Contains("did not answer within 0.2s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_on_a_socket_that_is_gone_is_a_connection_error()
    {
        using var client = new PebbleClient(Server.SocketPath + ".gone", CallTimeout);

        var error = await Within(Assert.ThrowsAsync<PebbleConnectionException>(async () =>
        {
            await foreach (var _ in client.FollowLogsAsync(["plex"], TestContext.Current.CancellationToken))
            {
            }
        }));

        Assert.Contains("socket not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_cut_mid_stream_is_a_connection_error()
    {
        using var client = new PebbleClient(Server.SocketPath, CallTimeout);
        Server.Enqueue(new BrokenReply("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n{\"time\""));

        var error = await Within(Assert.ThrowsAsync<PebbleConnectionException>(async () =>
        {
            await foreach (var _ in client.FollowLogsAsync(["plex"], TestContext.Current.CancellationToken))
            {
            }
        }));

        Assert.Contains("broke off", error.Message, StringComparison.Ordinal);
    }
}
