using System.Diagnostics;
using System.Text;
using Charmarr.Cli;
using Charmarr.Shared;

namespace Charmarr.Bench.Template;

/// <summary>Runs the <c>dotnet</c> CLI as a user would, showing the seconds spent on each long step.</summary>
internal static class DotnetCommand
{
    // Generous: a pack of Charmarr.Ops on a loaded 2-core machine takes minutes.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(20);

    /// <summary>Runs <c>dotnet <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>.</summary>
    /// <exception cref="BenchException">It failed or ran past the limit; the message ends with its output.</exception>
    public static async Task RunAsync(Progress progress, string step, string workingDirectory, params string[] arguments)
    {
        var start = LocalPackageFeed.DotnetStart("dotnet", workingDirectory, arguments);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start) ?? throw new BenchException("could not start `dotnet`; is the .NET SDK on PATH?");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var pumps = new[] { Pump(process.StandardOutput, output), Pump(process.StandardError, output) };
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await progress.WhileAsync(step, process.WaitForExitAsync(timeout.Token));
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new BenchException($"dotnet {string.Join(' ', arguments)} ran past {Limit.TotalMinutes} minutes:\n{output}");
        }

        await Task.WhenAll(pumps);
        if (process.ExitCode != 0)
        {
            throw new BenchException($"dotnet {string.Join(' ', arguments)} exited {process.ExitCode} in {workingDirectory}:\n{output}");
        }
    }

    private static async Task Pump(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
