using System.Runtime.Versioning;
using System.Text;
using Charmarr.Ops.Backend;
using Charmarr.Ops.HookTools;
using Xunit;

namespace Charmarr.Ops.Tests.HookTools;

/// <summary>The real process runner against tiny shell scripts in a private directory passed as the PATH override.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class ProcessHookToolRunnerTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("charmarr-tools-");

    public ProcessHookToolRunnerTests()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "hook tools and these shell scripts exist only on Linux");
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private ProcessHookToolRunner Runner => new(_dir.FullName);

    private void Script(string name, string body, bool executable = true)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (executable)
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static T Within<T>(Func<T> action)
    {
        var task = Task.Run(action);
        Assert.True(task.Wait(Limit), "the hook tool call did not finish in time (hung on a pipe?)");
        return task.Result;
    }

    [Fact]
    public void Passes_argv_verbatim_without_a_shell()
    {
        Script("echo-args", "for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done");
        string[] args = ["--format=json", "-r", "db:1", "a b", "$HOME", "'q'", "\"dq\"", "", "ü😀", "*"];
        var result = Within(() => Runner.Run("echo-args", args, null));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Concat(args.Select(a => $"[{a}]\n")), result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void A_tool_reading_stdin_does_not_hang_when_there_is_no_input()
    {
        Script("cat-tool", "cat");
        var result = Within(() => Runner.Run("cat-tool", [], null));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Stdin_text_reaches_the_tool_exactly_as_utf8_without_bom()
    {
        Script("cat-tool", "cat");
        const string input = "{\"k\":\"v ü 😀\\n\"}";
        var result = Within(() => Runner.Run("cat-tool", ["--file", "-"], input));
        Assert.Equal(input, result.Stdout);
    }

    [Fact]
    public void Large_stdin_and_large_output_on_both_streams_do_not_deadlock()
    {
        Script("big", "cat; head -c 1000000 /dev/zero | tr '\\0' e >&2; head -c 1000000 /dev/zero | tr '\\0' o");
        var input = new string('i', 2_000_000);
        var result = Within(() => Runner.Run("big", [], input));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3_000_000, result.Stdout.Length);
        Assert.Equal(1_000_000, result.Stderr.Length);
    }

    [Fact]
    public void A_tool_that_ignores_its_stdin_still_returns()
    {
        Script("no-read", "echo done");
        var result = Within(() => Runner.Run("no-read", [], new string('x', 1_000_000)));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("done\n", result.Stdout);
    }

    [Fact]
    public void Exit_code_and_stderr_are_captured()
    {
        Script("fail-tool", "echo 'ERROR invalid value \"db:9\" for flag -r: relation not found' >&2; exit 2");
        var result = Within(() => Runner.Run("fail-tool", [], null));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("ERROR invalid value \"db:9\" for flag -r: relation not found\n", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Output_is_decoded_as_utf8()
    {
        Script("utf8", "printf 'caf\\303\\251 \\360\\237\\230\\200'");
        var result = Within(() => Runner.Run("utf8", [], null));
        Assert.Equal("café 😀", result.Stdout);
    }

    [Fact]
    public void A_missing_tool_is_a_model_error_explaining_how_to_run_charms()
    {
        var ex = Assert.Throws<JujuModelException>(() => Runner.Run("relation-get", [], null));
        Assert.Equal(
            "hook tool \"relation-get\" was not found on PATH; Charmarr.Ops talks to Juju through hook tools, so run the charm inside a Juju hook or use Charmarr.Ops.Testing",
            ex.Message);
    }

    [Fact]
    public void A_file_that_is_not_executable_is_not_a_tool()
    {
        Script("relation-get", "echo hi", executable: false);
        Assert.Throws<JujuModelException>(() => Runner.Run("relation-get", [], null));
    }

    [Fact]
    public void Searches_every_path_entry_in_order()
    {
        var other = Directory.CreateTempSubdirectory("charmarr-tools-2-");
        try
        {
            Script("which-one", "echo second");
            var first = Path.Combine(other.FullName, "which-one");
            File.WriteAllText(first, "#!/bin/sh\necho first\n");
            File.SetUnixFileMode(first, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            var runner = new ProcessHookToolRunner($"/nonexistent-dir{Path.PathSeparator}{other.FullName}{Path.PathSeparator}{_dir.FullName}");
            Assert.Equal("first\n", Within(() => runner.Run("which-one", [], null)).Stdout);
            Assert.Equal("second\n", Within(() => Runner.Run("which-one", [], null)).Stdout);
        }
        finally
        {
            other.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_start_failure_is_a_model_error_with_the_cause()
    {
        var path = Path.Combine(_dir.FullName, "broken");
        File.WriteAllText(path, "#!/nonexistent/interpreter\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var ex = Assert.Throws<JujuModelException>(() => Runner.Run("broken", [], null));
        Assert.NotNull(ex.InnerException);
        Assert.Contains("broken", ex.Message);
    }

    [Fact]
    public void Backend_over_real_processes_parses_output_and_feeds_stdin()
    {
        var captured = Path.Combine(_dir.FullName, "captured");
        Script("state-get", "printf 'null\\n'");
        Script("state-set", $"cat > '{captured}'; printf '%s ' \"$@\" >> '{captured}.args'");
        var backend = new HookToolBackend(Runner);

        Assert.Empty(Within(() => backend.GetState()));
        Within(() =>
        {
            backend.SetState(new Dictionary<string, string> { ["k"] = "ü" });
            return 0;
        });
        Assert.Equal("{\"k\":\"ü\"}", File.ReadAllText(captured, Encoding.UTF8));
        Assert.Equal("--file - ", File.ReadAllText(captured + ".args"));
    }
}
