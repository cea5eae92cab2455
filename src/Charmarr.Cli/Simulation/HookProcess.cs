using System.Diagnostics;

namespace Charmarr.Cli.Simulation;

/// <summary>Runs the charm's <c>dispatch</c> the way the unit agent does: no arguments, cwd = the charm directory, stdin
/// = /dev/null (closed), and only the environment Juju builds (not the caller's).</summary>
internal static class HookProcess
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The outcome of one dispatch.</summary>
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);

    public static async Task<Outcome> RunAsync(string charmDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Path.Combine(charmDirectory, "dispatch"))
        {
            WorkingDirectory = charmDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new CliException($"could not run {start.FileName}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new CliException($"the charm ran for more than {Timeout.TotalSeconds:0} s and was stopped (Juju would also kill it)");
        }

        return new Outcome(process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }
}
