namespace Charmarr.Cli.Tests.CommandLine;

/// <summary>The command line itself: help, a bare <c>charmarr</c>, completion.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_lists_every_command_with_its_usage_and_exits_0()
    {
        var (exit, output, _) = await RunAsync("--help");

        Assert.Equal(0, exit);
        foreach (var usage in (string[])["charmarr pack <charm dir>", "charmarr simulate <file.charm>", "charmarr demo [charm dir]", "charmarr docs <charm dir>", "charmarr completion bash|zsh"])
        {
            Assert.Contains(usage, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_bare_charmarr_prints_the_help_on_stderr_and_exits_2()
    {
        var (exit, output, error) = await RunAsync();

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("charmarr: no command given; the commands are:\n", error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("charmarr pack <charm dir>", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completion_suggests_commands_and_option_values_through_the_suggest_directive()
    {
        var (_, commands, _) = await RunAsync("[suggest:11]", "charmarr si");
        var pebble = "charmarr demo --pebble ";
        var (_, values, _) = await RunAsync($"[suggest:{pebble.Length}]", pebble);
        var (exit, script, _) = await RunAsync("completion", "bash");

        var suggested = commands.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("simulate", suggested); // and --version, which holds "si" too
        Assert.DoesNotContain("pack", suggested);
        Assert.Equal(["real", "simulated"], values.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(0, exit);
        Assert.Contains("complete -o default -F _charmarr_complete charmarr", script, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CharmarrCommandLine.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
