using System.Text.RegularExpressions;
using Charmarr.Cli.Packing;
using Charmarr.Cli.Tests.Fixtures;

namespace Charmarr.Cli.Tests.CommandLine;

/// <summary>
/// Every row of the bad-input table in src/Charmarr.Cli/README.md, run as written: the first line charmarr prints on
/// standard error holds the row's message, nothing looks like a stack trace, and the exit code is the row's. The rows
/// are read from the README itself, so the table cannot drift from the tool. Names in a command line resolve to the
/// files under Fixtures/cli/ when one exists there (<c>tiny.charm</c> is packed from <c>cli/charm</c> without a publish).
/// </summary>
public sealed partial class BadInputTableTests
{
    private const string Heading = "## Bad input";

    public static TheoryData<string, string, int> Rows()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (command, message, exit) in ReadTable())
        {
            data.Add(command, message, exit);
        }

        return data;
    }

    [Fact]
    public void The_table_has_a_row_for_each_kind_of_bad_input_the_issue_names()
    {
        var commands = ReadTable().Select(r => r.Command).ToList();

        Assert.True(commands.Count >= 20, $"{commands.Count} rows");
        Assert.Contains("charmarr", commands);
        Assert.Contains(commands, c => c.StartsWith("charmarr pack missing-dir", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.EndsWith("--output", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("misspelt-event.yaml", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task A_bad_input_gets_one_line_no_stack_trace_and_a_non_zero_exit(string command, string message, int exit)
    {
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Resolve).ToList();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CharmarrCommandLine.RunAsync(args, output, error, TestContext.Current.CancellationToken);

        var lines = error.ToString().Split('\n');
        Assert.StartsWith("charmarr: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(message, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => StackFrame().IsMatch(l));
        Assert.Equal(exit, code);
        Assert.NotEqual(0, code);
    }

    internal static List<(string Command, string Message, int Exit)> ReadTable()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "src", "Charmarr.Cli", "README.md"));
        var start = Array.IndexOf(readme, Heading);
        Assert.True(start >= 0, $"the README has no '{Heading}' section");
        var rows = new List<(string, string, int)>();
        foreach (var line in readme.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2))
        {
            var cells = Cell().Matches(line).Select(m => m.Groups[1].Value).ToList();
            var exit = Regex.Match(line, @"\|\s*(\d+)\s*\|\s*$");
            Assert.True(cells.Count >= 2 && exit.Success, $"a row needs `command`, `message` and an exit code: {line}");
            rows.Add((cells[0], cells[1].Replace("\\|", "|", StringComparison.Ordinal), int.Parse(exit.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private static string Resolve(string token)
    {
        if (token == "tiny.charm")
        {
            return TinyCharm.Value;
        }

        var fixture = RepositoryPaths.Fixture("cli", token);
        return File.Exists(fixture) || Directory.Exists(fixture) ? fixture : token;
    }

    // A .charm holding dispatch and the YAML Juju reads, but no binary: enough for everything simulate checks first.
    private static readonly Lazy<string> TinyCharm = new(() =>
    {
        var directory = Directory.CreateTempSubdirectory("charmarr-tiny-").FullName;
        var project = CharmPacker.ReadProject(RepositoryPaths.Fixture("cli", "charm"));
        var entries = new List<CharmArchive.Entry>();
        foreach (var (name, text) in new[] { ("metadata.yaml", CharmFileRenderer.Metadata(project)), ("config.yaml", CharmFileRenderer.Config(project)!), ("actions.yaml", CharmFileRenderer.Actions(project)!), ("dispatch", "#!/bin/sh\nexit 0\n") })
        {
            File.WriteAllText(Path.Combine(directory, name), text);
            entries.Add(new(name, Path.Combine(directory, name), name == "dispatch"));
        }

        var archive = Path.Combine(directory, "tiny_ubuntu@24.04-amd64.charm");
        CharmArchive.Write(archive, entries);
        return archive;
    });

    [GeneratedRegex(@"`([^`]*)`")]
    private static partial Regex Cell();

    [GeneratedRegex(@"^\s+at \S+\(")]
    private static partial Regex StackFrame();
}
