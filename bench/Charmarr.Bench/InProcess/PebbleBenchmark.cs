using System.Diagnostics;
using System.Globalization;
using Charmarr.Bench.Measurement;
using Charmarr.Bench.Report;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Pebble.Server;

namespace Charmarr.Bench.InProcess;

/// <summary>The production <see cref="PebbleClient"/> against the Pebble simulator's unix socket: 64 MiB push and pull,
/// and the round trip of an exec.</summary>
internal static class PebbleBenchmark
{
    private const int FileSize = 64 * 1024 * 1024;
    private const int TransferRuns = 5;
    private const int ExecRuns = 50;
    private const string FilePath = "/bench/blob";

    public static async Task<IReadOnlyList<Figure>> RunAsync(string workDirectory)
    {
        var socket = Path.Combine(workDirectory, "pebble.socket");
        var simulator = new PebbleSimulator();
        simulator.HandleExec(["true"], ExecResult.FromText(0));
        await using var server = await PebbleSocketServer.StartAsync(simulator, socket);
        using var client = new PebbleClient(socket, TimeSpan.FromSeconds(60));

        var content = new byte[FileSize];
        Random.Shared.NextBytes(content);
        var push = await TimeAsync(TransferRuns, async () =>
        {
            using var source = new MemoryStream(content, writable: false);
            await client.PushAsync(FilePath, source, new PebblePushOptions { MakeDirs = true });
        });
        var pull = await TimeAsync(TransferRuns, async () =>
        {
            await using var stream = await client.PullAsync(FilePath);
            var counter = new CountingSink();
            await stream.CopyToAsync(counter);
            if (counter.Length != FileSize)
            {
                throw new BenchException($"pull returned {counter.Length} bytes, expected {FileSize}: the benchmark would measure a broken transfer");
            }
        });
        var exec = await TimeAsync(ExecRuns, async () => await client.ExecAsync(new PebbleExecRequest(["true"])));

        return
        [
            Transfer("push 64 MiB", push),
            Transfer("pull 64 MiB", pull),
            new Figure("Pebble client", $"exec round trip, median of {ExecRuns}", ReportTable.Milliseconds(Stats.Median(exec))),
        ];
    }

    private static Figure Transfer(string measure, List<double> milliseconds)
    {
        var median = Stats.Median(milliseconds);
        var rate = string.Create(CultureInfo.InvariantCulture, $"{FileSize / 1048576.0 / (median / 1000):0} MiB/s");
        return new Figure("Pebble client", $"{measure}, median of {milliseconds.Count}", $"{ReportTable.Milliseconds(median)} ({rate})");
    }

    // One untimed warm-up call (JIT, connection), then the timed ones.
    private static async Task<List<double>> TimeAsync(int runs, Func<Task> call)
    {
        await call();
        var samples = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        return samples;
    }

    // Counts what a pull delivers without keeping it.
    private sealed class CountingSink : Stream
    {
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
