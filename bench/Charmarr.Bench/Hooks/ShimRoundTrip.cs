using System.Diagnostics;
using System.Text;
using Charmarr.Bench.Measurement;
using Charmarr.Ops.Testing.Juju.HookTools;

namespace Charmarr.Bench.Hooks;

/// <summary>
/// The hook-tool shim's own cost: <c>is-leader --format=json</c> run directly (no dispatch, no charm) through the same
/// native shim the charm's hooks use, answered by a hook-tool server over the same in-memory Juju model, started the way
/// the charm starts a hook tool (stdin, stdout and stderr piped). One call is a process start of the shim, a unix-socket
/// connect and one request/answer — what each of a hook's calls costs besides the charm's own work.
/// </summary>
internal static class ShimRoundTrip
{
    /// <summary>Timed runs; one untimed run comes first.</summary>
    public const int Runs = 60;

    private const string Tool = "is-leader";

    /// <summary>The median and p90 round trip, in milliseconds.</summary>
    public static async Task<(double Median, double P90)> MeasureAsync(BenchUnit unit, string workDirectory)
    {
        var directory = Directory.CreateTempSubdirectory("shim-").FullName;
        try
        {
            var tool = Path.Combine(directory, Tool);
            File.CreateSymbolicLink(tool, unit.Shim); // the shim takes the tool's name from argv[0], as jujuc does
            await using var server = HookToolSocketServer.Start(unit.Unit.Backend, Path.Combine(directory, "agent.socket"));
            const string contextId = "bench-shim-round-trip";
            var environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["PATH"] = $"{directory}:/usr/bin:/bin",
                ["LANG"] = "C.UTF-8",
                ["JUJU_CONTEXT_ID"] = contextId,
                ["JUJU_AGENT_SOCKET_ADDRESS"] = server.SocketPath,
                ["JUJU_AGENT_SOCKET_NETWORK"] = "unix",
                ["JUJU_UNIT_NAME"] = unit.Unit.Backend.UnitName,
            };
            var expected = unit.Unit.Backend.Leader ? "true" : "false";
            unit.Unit.Backend.BeginHook();
            server.BeginContext(contextId, environment);
            try
            {
                var samples = new List<double>();
                for (var i = 0; i <= Runs; i++)
                {
                    var elapsed = await RunOnceAsync(tool, workDirectory, environment, expected);
                    if (i > 0)
                    {
                        samples.Add(elapsed);
                    }
                }

                return (Stats.Median(samples), Stats.Percentile(samples, 90));
            }
            finally
            {
                server.EndContext();
                unit.Unit.Backend.EndHook(succeeded: true);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<double> RunOnceAsync(string tool, string workingDirectory, Dictionary<string, string> environment, string expected)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("--format=json");
        start.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new BenchException($"could not start the hook-tool shim at {tool}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = (await stdout).Trim();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return process.ExitCode == 0 && output == expected
            ? elapsed
            : throw new BenchException($"{Tool} through the shim answered '{output}' (exit {process.ExitCode}), not '{expected}': {await stderr}");
    }
}
