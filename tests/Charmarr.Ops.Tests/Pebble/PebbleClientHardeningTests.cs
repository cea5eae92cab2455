using Charmarr.Ops.Pebble;
using Charmarr.Ops.Tests.Pebble.Server;

namespace Charmarr.Ops.Tests.Pebble;

/// <summary>
/// Answers no Pebble sends, over a real socket: each is a typed <see cref="PebbleProtocolException"/>, never a raw
/// runtime exception, and no answer is read into memory beyond <see cref="PebbleClient.MaxResponseBytes"/>.
/// </summary>
public sealed class PebbleClientHardeningTests : PebbleWireTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_envelope_whose_type_is_a_number_is_a_protocol_error()
    {
        Server.Enqueue(new BodyReply(200, """{"type":1,"status-code":200,"status":"OK","result":{"version":"v1.32.1","boot-id":"b"}}"""));

        var error = await Within(Assert.ThrowsAsync<PebbleProtocolException>(() => Client.GetSystemInfoAsync(Ct)));

        Assert.Contains("\"type\" is JSON Number, not a string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_envelope_whose_type_is_a_number_is_still_an_API_error()
    {
        Server.Enqueue(new BodyReply(500, """{"type":1,"status-code":500}"""));

        var error = await Within(Assert.ThrowsAsync<PebbleApiException>(() => Client.GetSystemInfoAsync(Ct)));

        Assert.Equal(500, error.StatusCode);
    }

    [Theory]
    [InlineData("""{"type":"sync","status-code":200,"status":"OK","res\uDC00ult":[]}""")]
    [InlineData("""{"type":"sync","status-code":200,"status":"OK","result":[{"name":"c\ud800","status":"up"}]}""")]
    public async Task An_envelope_with_a_lone_surrogate_escape_is_a_protocol_error(string body)
    {
        // Found by the fuzzer (pebble-socket): JsonDocument accepts the escape and decoding it later threw a raw
        // InvalidOperationException.
        Server.Enqueue(new BodyReply(200, body));

        var error = await Within(Assert.ThrowsAsync<PebbleProtocolException>(() => Client.GetChecksAsync(cancellationToken: Ct)));

        Assert.StartsWith("pebble ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{}]")]
    [InlineData("[{\"path\":1}]")]
    [InlineData("[1]")]
    [InlineData("{}")]
    [InlineData("[]")]
    public async Task A_pull_whose_response_part_names_no_path_is_a_protocol_error(string result)
    {
        Server.Enqueue(Multipart.Reply(Multipart.FilePart("/f", "abc"u8.ToArray()), Multipart.ResponsePart(result)));

        var error = await Within(Assert.ThrowsAsync<PebbleProtocolException>(() => Client.PullBytesAsync("/f", Ct)));

        Assert.StartsWith("pebble pull /f: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_push_whose_result_item_has_no_path_is_a_protocol_error()
    {
        Server.Enqueue(Envelopes.Sync("[{}]"));

        await Within(Assert.ThrowsAsync<PebbleProtocolException>(() => Client.PushTextAsync("/f", "x", cancellationToken: Ct)));
    }

    [Fact]
    public async Task A_JSON_answer_larger_than_the_limit_is_a_protocol_error()
    {
        using var client = new PebbleClient(Server.SocketPath) { MaxResponseBytes = 1024 };
        Server.Enqueue(Envelopes.Sync(Envelopes.Json(new string('x', 4096))));

        var error = await Within(Assert.ThrowsAsync<PebbleProtocolException>(() => client.GetPlanAsync(Ct)));

        Assert.Contains("larger than the 1024 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_JSON_answer_larger_than_the_limit_is_refused_as_it_arrives()
    {
        using var client = new PebbleClient(Server.SocketPath) { MaxResponseBytes = 1024 };
        Server.Enqueue(new StreamingReply(200, "application/json", async write =>
        {
            await write("{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":\""u8.ToArray());
            for (var i = 0; i < 64; i++)
            {
                await write(new byte[512].Select(_ => (byte)'x').ToArray());
            }

            await write("\"}"u8.ToArray());
        }));

        var error = await Within(Assert.ThrowsAsync<PebbleProtocolException>(() => client.GetPlanAsync(Ct)));

        Assert.Contains("more sent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_larger_than_the_limit_are_a_protocol_error()
    {
        using var client = new PebbleClient(Server.SocketPath) { MaxResponseBytes = 1024 };
        var line = "{\"time\":\"2023-03-08T09:55:11Z\",\"service\":\"plex\",\"message\":\"" + new string('x', 200) + "\"}\n";
        Server.Enqueue(new BodyReply(200, string.Concat(Enumerable.Repeat(line, 20)), "application/x-ndjson"));

        var error = await Within(Assert.ThrowsAsync<PebbleProtocolException>(() => client.GetLogsAsync(["plex"], cancellationToken: Ct)));

        Assert.Contains("more log lines sent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limit_defaults_to_16_MiB_and_must_be_positive()
    {
        using var client = new PebbleClient(Server.SocketPath);

        Assert.Equal(16L * 1024 * 1024, client.MaxResponseBytes);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PebbleClient(Server.SocketPath) { MaxResponseBytes = 0 });
    }
}
