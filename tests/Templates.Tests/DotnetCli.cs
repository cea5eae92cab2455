using System.Diagnostics;
using System.Text;
using Charmarr.Shared;

namespace Charmarr.Templates.Tests;

/// <summary>Runs the <c>dotnet</c> CLI, or a tool it installed, as a user would, with the test host's MSBuild settings removed.</summary>
internal static class DotnetCli
{
    // Generous: an AOT publish on a loaded 2-core machine takes several minutes.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(25);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <returns>Standard output and error, interleaved.</returns>
    /// <exception cref="InvalidOperationException">The command failed or ran past the limit; the message holds its output.</exception>
    public static Task<string> RunAsync(string workingDirectory, params string[] arguments) =>
        RunProgramAsync("dotnet", workingDirectory, arguments);

    /// <summary>Runs <paramref name="program"/> (e.g. an installed tool's command) in <paramref name="workingDirectory"/>.</summary>
    /// <returns>Standard output and error, interleaved.</returns>
    /// <exception cref="InvalidOperationException">The command failed or ran past the limit; the message holds its output.</exception>
    public static Task<string> RunProgramAsync(string program, string workingDirectory, params string[] arguments) =>
        RunProgramAsync(new Dictionary<string, string>(), program, workingDirectory, arguments);

    /// <summary>Runs <paramref name="program"/> in <paramref name="workingDirectory"/> with <paramref name="environment"/>
    /// set on top of the test host's environment (e.g. a private HOME).</summary>
    /// <returns>Standard output and error, interleaved.</returns>
    /// <exception cref="InvalidOperationException">The command failed or ran past the limit; the message holds its output.</exception>
    public static async Task<string> RunProgramAsync(
        IReadOnlyDictionary<string, string> environment, string program, string workingDirectory, params string[] arguments)
    {
        var start = LocalPackageFeed.DotnetStart(program, workingDirectory, arguments);
        // The test host's builds leave no MSBuild nodes behind for the next test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = new StringBuilder();
        var lines = new object();
        void Collect(object sender, DataReceivedEventArgs e)
        {
            lock (lines)
            {
                output.AppendLine(e.Data);
            }
        }

        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} ran past {Limit.TotalMinutes} minutes:\n{output}");
        }

        process.WaitForExit(); // drains the output events
        return process.ExitCode == 0
            ? output.ToString()
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode} in {workingDirectory}:\n{output}");
    }
}
