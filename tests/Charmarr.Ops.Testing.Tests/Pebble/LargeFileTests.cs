using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Charmarr.Ops.Testing.Tests.Pebble;

[CollectionDefinition(nameof(LargeFileTests), DisableParallelization = true)]
public sealed class LargeFileRun;

[Collection(nameof(LargeFileTests))]
public sealed class LargeFileTests
{
    private const long Size = 64L << 20;

    [Fact]
    public async Task A_64_MiB_file_streams_through_push_and_pull_without_extra_copies()
    {
        await using var pebble = await SocketFixture.StartAsync();
        var cancel = TestContext.Current.CancellationToken;

        var beforePush = GC.GetTotalAllocatedBytes(precise: true);
        using (var content = new StreamedPushContent("/big.bin", Size))
        using (var response = await pebble.Http.PostAsync("/v1/files", content, cancel))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("""{"type":"sync","status-code":200,"status":"OK","result":[{"path":"/big.bin"}]}""", await response.Content.ReadAsStringAsync(cancel));
        }

        var pushed = GC.GetTotalAllocatedBytes(precise: true) - beforePush;

        var beforePull = GC.GetTotalAllocatedBytes(precise: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/files?action=read&path=/big.bin");
        request.Headers.TryAddWithoutValidation("Accept", "multipart/form-data");
        using var pull = await pebble.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long received = 0;
        var buffer = new byte[81920];
        await using (var stream = await pull.Content.ReadAsStreamAsync(cancel))
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancel)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                received += read;
            }
        }

        var pulled = GC.GetTotalAllocatedBytes(precise: true) - beforePull;

        Assert.True(received > Size, "the multipart body carries the whole file");
        Assert.Equal(Size, pebble.Simulator.ListFiles("/big.bin").Single().Size);
        Assert.True(pushed < 2 * Size, $"push allocated {pushed} bytes: the upload was buffered more than once");
        Assert.True(pulled < Size / 4, $"pull allocated {pulled} bytes: the download was buffered");
        Assert.Equal(Pattern.Hash(Size), Pattern.HashStored(pebble.Simulator.ReadFile("/big.bin")));
    }

    /// <summary>The ops push body, generated as it is sent (chunked, no Content-Length).</summary>
    private sealed class StreamedPushContent : HttpContent
    {
        private const string Boundary = "0123456789abcdef0123456789abcdef";
        private readonly string path;
        private readonly long size;

        public StreamedPushContent(string path, long size)
        {
            this.path = path;
            this.size = size;
            Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary=\"{Boundary}\"");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(
                $"--{Boundary}\r\nContent-Type: application/json\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n"
                + $"{{\"action\":\"write\",\"files\":[{{\"path\":\"{path}\"}}]}}\r\n"
                + $"--{Boundary}\r\nContent-Type: application/octet-stream\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{path}\"\r\n\r\n"));
            var chunk = new byte[64 * 1024];
            for (long offset = 0; offset < size; offset += chunk.Length)
            {
                Pattern.Fill(chunk, offset);
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, size - offset)));
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes($"\r\n--{Boundary}--\r\n"));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static class Pattern
    {
        public static void Fill(byte[] chunk, long offset)
        {
            for (var i = 0; i < chunk.Length; i++)
            {
                chunk[i] = (byte)((offset + i) * 31 % 251);
            }
        }

        public static byte[] Hash(long size)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var chunk = new byte[64 * 1024];
            for (long offset = 0; offset < size; offset += chunk.Length)
            {
                Fill(chunk, offset);
                hash.AppendData(chunk, 0, (int)Math.Min(chunk.Length, size - offset));
            }

            return hash.GetHashAndReset();
        }

        public static byte[] HashStored(byte[] stored) => SHA256.HashData(stored);
    }
}
