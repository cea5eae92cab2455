using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Tests.Pebble.Server;

namespace Charmarr.Ops.Tests.Pebble;

/// <summary>Runs alone: its allocation measurements must not count other tests' work.</summary>
[CollectionDefinition(nameof(LargeTransfers), DisableParallelization = true)]
public sealed class LargeTransfers;

/// <summary>
/// 64 MiB pushed and pulled through the real client without holding the file in memory: the managed memory allocated
/// during the whole transfer (client and fake server together) stays far below the file's size.
/// </summary>
[Collection(nameof(LargeTransfers))]
public sealed partial class PebbleLargeTransferTests : PebbleWireTest
{
    private const long FileSize = 64L * 1024 * 1024;
    private const long AllowedAllocation = 16L * 1024 * 1024;
    private const string Path = "/media/big.bin";

    [Fact]
    public async Task A_64_MiB_push_streams_from_the_callers_stream()
    {
        Server.Enqueue(Envelopes.Sync($$"""[{"path":"{{Path}}"}]"""));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await Within(Client.PushAsync(Path, new PatternStream(FileSize), cancellationToken: TestContext.Current.CancellationToken));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(allocated < AllowedAllocation, $"{allocated} bytes allocated pushing {FileSize} bytes");
        var boundary = Boundary().Match(Request.Header("Content-Type")!).Groups[1].Value;
        var preamble = Encoding.UTF8.GetBytes(
            $"--{boundary}\r\nContent-Type: application/json\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n" +
            $$"""{"action": "write", "files": [{"path": "{{Path}}"}]}""" +
            $"\r\n--{boundary}\r\nContent-Type: application/octet-stream\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{Path}\"\r\n\r\n");
        var epilogue = Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n");
        Assert.Equal(preamble.Length + FileSize + epilogue.Length, Request.BodyLength);
        Assert.Equal(await HashAsync(preamble, epilogue), Request.BodySha256);
    }

    [Fact]
    public async Task A_64_MiB_pull_streams_to_the_caller()
    {
        Server.Enqueue(new StreamingReply(200, Multipart.ContentType, async write =>
        {
            await write(Encoding.ASCII.GetBytes($"--{Multipart.Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{Path}\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            var chunk = new byte[64 * 1024];
            using var pattern = new PatternStream(FileSize);
            int read;
            while ((read = pattern.Read(chunk)) > 0)
            {
                await write(chunk.AsMemory(0, read));
            }

            await write(Encoding.ASCII.GetBytes($"\r\n--{Multipart.Boundary}\r\n"));
            await write(Encoding.ASCII.GetBytes($$"""Content-Disposition: form-data; name="response"{{"\r\n"}}Content-Type: application/json{{"\r\n\r\n"}}{"type":"sync","status-code":200,"status":"OK","result":[{"path":"{{Path}}"}]}{{"\n"}}"""));
            await write(Encoding.ASCII.GetBytes($"\r\n--{Multipart.Boundary}--\r\n"));
        }));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        long total = 0;

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var stream = await Within(Client.PullAsync(Path, TestContext.Current.CancellationToken));
        await using (stream)
        {
            int read;
            while ((read = await Within(stream.ReadAsync(buffer, TestContext.Current.CancellationToken).AsTask())) > 0)
            {
                hash.AppendData(buffer, 0, read);
                total += read;
            }
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(allocated < AllowedAllocation, $"{allocated} bytes allocated pulling {FileSize} bytes");
        Assert.Equal(FileSize, total);
        Assert.Equal(await HashAsync([], []), Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    [Fact]
    public async Task A_pull_cut_off_mid_file_is_a_connection_error_from_the_stream()
    {
        Server.Enqueue(new BrokenReply(
            "HTTP/1.1 200 OK\r\nContent-Type: " + Multipart.ContentType + "\r\nContent-Length: 10000000\r\n\r\n" +
            $"--{Multipart.Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{Path}\"\r\n\r\n" + new string('x', 100_000)));

        var stream = await Within(Client.PullAsync(Path, TestContext.Current.CancellationToken));
        await using (stream)
        {
            var error = await Assert.ThrowsAsync<PebbleConnectionException>(() => Within(stream.CopyToAsync(Stream.Null, TestContext.Current.CancellationToken)));
            Assert.Equal($"pebble pull {Path}", error.Operation);
        }
    }

    [Fact]
    public async Task A_push_whose_connection_drops_mid_upload_is_a_connection_error()
    {
        Server.DropBeforeBody = target => target == "/v1/files";

        var error = await Assert.ThrowsAsync<PebbleConnectionException>(() => Within(Client.PushAsync(Path, new PatternStream(FileSize), cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal($"pebble push {Path}", error.Operation);
    }

    private static async Task<string> HashAsync(byte[] preamble, byte[] epilogue)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(preamble);
        var buffer = new byte[64 * 1024];
        await using var pattern = new PatternStream(FileSize);
        int read;
        while ((read = await pattern.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        hash.AppendData(epilogue);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    [GeneratedRegex("boundary=\"([0-9a-f]{32})\"")]
    private static partial Regex Boundary();
}
