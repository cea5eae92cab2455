using Charmarr.Ops.Integration.Cli;
using Charmarr.Ops.Integration.Tests.Support;

namespace Charmarr.Ops.Integration.Tests.Cli;

/// <summary>The stand-in juju itself refuses what it was not told to expect, so a client test cannot pass by accident.</summary>
public sealed class StandInJujuTests
{
    [Fact]
    public async Task A_call_with_no_expected_step_fails_with_the_stand_ins_reason()
    {
        using var juju = new FakeJuju();

        var e = await Assert.ThrowsAsync<JujuCliException>(() => juju.Client().GetStatusAsync(TestContext.Current.CancellationToken));

        Assert.Equal(97, e.Result.ExitCode);
        Assert.Contains("no step expected", e.StandardError, StringComparison.Ordinal);
        Assert.Contains("juju status --model plex-it --format json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_argument_that_differs_from_the_expected_one_is_refused()
    {
        using var juju = new FakeJuju();
        juju.Expect(["status", "--model", "other-model", "--format", "json"], "{}");

        var e = await Assert.ThrowsAsync<JujuCliException>(() => juju.Client().GetStatusAsync(TestContext.Current.CancellationToken));

        Assert.Contains("argument 2 should be 'other-model'", e.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_executable_juju_on_PATH_is_found_and_a_non_executable_one_is_passed_over()
    {
        var root = Path.Combine(Path.GetTempPath(), $"path-{Guid.NewGuid():N}");
        var plain = Directory.CreateDirectory(Path.Combine(root, "a")).FullName;
        var runnable = Directory.CreateDirectory(Path.Combine(root, "b")).FullName;
        File.WriteAllText(Path.Combine(plain, "juju"), "");
        File.WriteAllText(Path.Combine(runnable, "juju"), "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(plain, "juju"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.SetUnixFileMode(Path.Combine(runnable, "juju"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            Assert.Equal(Path.Combine(runnable, "juju"), JujuExecutable.Find($"{root}/none:{plain}:{runnable}"));
            Assert.Null(JujuExecutable.Find($"{root}/none:{plain}"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task The_process_runner_passes_stdin_and_returns_exit_code_stdout_and_stderr()
    {
        var script = Path.Combine(Path.GetTempPath(), $"echo-juju-{Guid.NewGuid():N}");
        File.WriteAllText(script, "#!/bin/sh\necho \"args: $*\"\ncat\necho oops >&2\nexit 3\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var result = await new ProcessJujuCommandRunner(script).RunAsync(
                new JujuCommand(["status", "two words"], "from stdin\n"), TestContext.Current.CancellationToken);

            Assert.Equal(new JujuCommandResult(3, "args: status two words\nfrom stdin\n", "oops\n"), result);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
