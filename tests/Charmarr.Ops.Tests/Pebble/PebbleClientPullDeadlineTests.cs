using Charmarr.Ops.Pebble;
using Charmarr.Ops.Tests.Pebble.Server;

namespace Charmarr.Ops.Tests.Pebble;

/// <summary>A pull with a total deadline, over a real socket: a steady trickle keeps the idle timeout quiet but not the deadline.</summary>
public sealed class PebbleClientPullDeadlineTests : PebbleWireTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pull_still_trickling_at_its_deadline_is_a_timeout_error()
    {
        var (headers, _) = Multipart.FilePart("/f", []);
        Server.Enqueue(new StreamingReply(200, Multipart.ContentType, async write =>
        {
            await write(System.Text.Encoding.UTF8.GetBytes($"--{Multipart.Boundary}\r\n{headers}\r\n\r\n"));
            while (true)
            {
                await write("x"u8.ToArray());
                await Task.Delay(20, Ct);
            }
        }));

        var error = await Within(Assert.ThrowsAsync<PebbleTimeoutException>(async () =>
        {
            var stream = await Client.PullAsync("/f", TimeSpan.FromMilliseconds(300), Ct);
            await using (stream)
            {
                await stream.CopyToAsync(Stream.Null, Ct);
            }
        }));

        Assert.Equal((TimeSpan.FromMilliseconds(300), "pebble pull /f: timed out after 0.3s"), (error.Timeout, error.Message));
    }

    [Fact]
    public async Task A_pull_that_finishes_before_its_deadline_reads_the_whole_file()
    {
        Server.Enqueue(Multipart.Reply(Multipart.FilePart("/f", "abc"u8.ToArray()), Multipart.ResponsePart("""[{"path":"/f"}]""")));

        var stream = await Within(Client.PullAsync("/f", TimeSpan.FromSeconds(30), Ct));
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, Ct);

            Assert.Equal("abc"u8.ToArray(), copy.ToArray());
        }
    }

    [Fact]
    public async Task The_callers_cancellation_of_a_deadline_pull_stays_a_cancellation()
    {
        Server.Enqueue(new SilentReply());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Within(Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.PullAsync("/f", TimeSpan.FromSeconds(30), stop.Token)));
    }
}
