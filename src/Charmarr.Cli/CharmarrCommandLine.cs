using System.CommandLine;
using Charmarr.Cli.Commands;

namespace Charmarr.Cli;

/// <summary>
/// The <c>charmarr</c> command line (System.CommandLine): <c>pack</c>, <c>simulate</c>, <c>demo</c>, <c>docs</c> and
/// <c>completion</c>, with <c>--help</c> on each. A usage error prints one line and exits 2; a bare <c>charmarr</c>
/// prints the help and exits 2; a problem the user can fix (<see cref="CliException"/>) prints one line (its details
/// below it) and exits 1; never a stack trace.
/// </summary>
internal static class CharmarrCommandLine
{
    /// <summary>Exit code of a usage error (unknown command or option, a missing argument or value).</summary>
    public const int UsageError = 2;

    /// <summary>Builds the command tree.</summary>
    /// <returns>The root command.</returns>
    public static RootCommand Build()
    {
        var root = new RootCommand($"""
            charmarr {ToolVersion.Current}: build, try and document Charmarr.Ops charms.

              charmarr pack <charm dir> [--output <dir>] [--project <charm .csproj>]
              charmarr simulate <file.charm> [scenario.yaml] [--pebble simulated|real] [--pebble-binary <path>] [--juju 3.6|4.0]
              charmarr demo [charm dir] [--pebble simulated|real] [--pebble-binary <path>] [--juju 3.6|4.0]
              charmarr docs <charm dir> [--output <file>]
              charmarr completion bash|zsh

            Run charmarr <command> --help for a command's arguments and options.
            """)
        {
            PackCommand.Create(),
            SimulateCommand.Create(),
            DemoCommand.Create(),
            DocsCommand.Create(),
            CompletionCommand.Create(),
        };
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>.</summary>
    /// <param name="args">The arguments after <c>charmarr</c>.</param>
    /// <param name="output">Where help and results go.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="cancellationToken">Stops a long step.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = Build();
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (args.Count == 0)
        {
            error.WriteLine("charmarr: no command given; the commands are:");
            await root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = error, Error = error }, cancellationToken);
            return UsageError;
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var command = string.Join(' ', Enumerable.Reverse(Commands(parsed.CommandResult)));
            // An unknown word explains a missing command better than "Required command was not provided".
            var first = parsed.Errors.OrderBy(e => parsed.UnmatchedTokens.Any(t => e.Message.Contains(t, StringComparison.Ordinal)) ? 0 : 1).First();
            var message = string.Join(' ', first.Message.Split(['\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            error.WriteLine($"charmarr: {message} (usage: {command} --help)");
            return UsageError;
        }

        try
        {
            return await parsed.InvokeAsync(configuration, cancellationToken);
        }
        catch (CliException e)
        {
            error.WriteLine($"charmarr: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("charmarr: cancelled");
            return 130;
        }
    }

    private static IEnumerable<string> Commands(System.CommandLine.Parsing.CommandResult result)
    {
        for (System.CommandLine.Parsing.SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is System.CommandLine.Parsing.CommandResult c)
            {
                yield return c.Command is RootCommand ? "charmarr" : c.Command.Name;
            }
        }
    }
}
