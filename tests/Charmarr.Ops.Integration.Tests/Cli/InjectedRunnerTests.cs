using Charmarr.Ops.Integration.Cli;

namespace Charmarr.Ops.Integration.Tests.Cli;

/// <summary>Any <see cref="IJujuCommandRunner"/> can stand in for the process: the client hands it the argv it built.</summary>
public sealed class InjectedRunnerTests
{
    private sealed class RecordingRunner(params JujuCommandResult[] answers) : IJujuCommandRunner
    {
        private readonly Queue<JujuCommandResult> answers = new(answers);

        public List<JujuCommand> Commands { get; } = [];

        public Task<JujuCommandResult> RunAsync(JujuCommand command, CancellationToken cancellationToken = default)
        {
            Commands.Add(command);
            return Task.FromResult(answers.Dequeue());
        }
    }

    [Fact]
    public async Task Any_command_gets_the_model_after_its_name_unless_it_is_not_model_scoped()
    {
        var runner = new RecordingRunner(new(0, "ok\n", ""), new(0, "3.6.11-genericlinux-amd64\n", ""), new(1, "", "ERROR boom\n"));
        var client = new JujuClient(new JujuClientOptions { Runner = runner, Model = "m" });
        var ct = TestContext.Current.CancellationToken;

        var exposed = await client.CliAsync(["expose", "plex"], cancellationToken: ct);
        var version = await client.CliAsync(["version"], modelScoped: false, cancellationToken: ct);
        var e = await Assert.ThrowsAsync<JujuCliException>(() => client.CliAsync(["unexpose", "plex"], cancellationToken: ct));

        Assert.Equal("ok\n", exposed);
        Assert.Equal("3.6.11-genericlinux-amd64\n", version);
        Assert.Equal(["expose", "--model", "m", "plex"], runner.Commands[0].Arguments);
        Assert.Equal(["version"], runner.Commands[1].Arguments);
        Assert.Equal("juju unexpose --model m plex: exited 1\nERROR boom", e.Message);
    }

    [Fact]
    public async Task Without_a_model_commands_act_on_the_clis_current_model()
    {
        var runner = new RecordingRunner(new JujuCommandResult(0, "", ""));

        await new JujuClient(new JujuClientOptions { Runner = runner }).IntegrateAsync("a", "b", TestContext.Current.CancellationToken);

        Assert.Equal(["integrate", "a", "b"], runner.Commands.Single().Arguments);
    }
}
