using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Charmarr.Ops.Integration.Actions;
using Charmarr.Ops.Integration.Cli;
using Charmarr.Ops.Integration.Tests.Support;

namespace Charmarr.Ops.Integration.Tests.Actions;

/// <summary><c>juju run --format json</c>: parameters through a private file, typed results, failures.</summary>
public sealed class ActionTests
{
    private static readonly JsonObject ClaimParams = new() { ["token"] = "claim-abc123", ["force"] = true };

    [Theory]
    [MemberData(nameof(Golden.Versions), MemberType = typeof(Golden))]
    public async Task A_completed_action_returns_its_results_typed_and_its_log(string jujuVersion)
    {
        using var juju = new FakeJuju();
        juju.Expect(
            ["run", "--model", "plex-it", "--format", "json", "plex/leader", "claim-server", "--wait", "300s", "--params", "@file:params.json"],
            Golden.Read(jujuVersion, "action-completed.json"),
            files: new Dictionary<string, string> { ["params.json"] = """{"token":"claim-abc123","force":true}""" });

        var task = await juju.Client().RunActionAsync("plex/leader", "claim-server", ClaimParams, TimeSpan.FromMinutes(5), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(task.IsSuccess);
        Assert.Equal("plex/0", task.Unit);
        Assert.Equal("4", task.Id);
        Assert.Equal("true", task.GetResult("claimed"));
        Assert.Null(task.GetResult("return-code"));
        var results = task.GetResults(ResultJson.Default.ClaimResults);
        Assert.Equal(new ClaimResults("true", "9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6"), results);
        Assert.Equal(2, task.Log.Count);
        juju.AssertAllCalled();
    }

    [Fact]
    public async Task Parameters_reach_juju_in_a_file_only_the_user_can_read_which_is_deleted_afterwards()
    {
        using var juju = new FakeJuju();
        juju.Expect(
            ["run", "--model", "plex-it", "--format", "json", "plex/0", "claim-server", "--params", "@file:params.json"],
            Golden.Read("3.6", "action-completed.json"),
            files: new Dictionary<string, string> { ["params.json"] = """{"token":"claim-abc123","force":true}""" });

        await juju.Client().RunActionAsync("plex/0", "claim-server", ClaimParams, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("600", juju.SeenFileMode(1, "params.json"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(juju.TemporaryDirectory));
        Assert.DoesNotContain(juju.Calls, c => c.Contains("claim-abc123", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Golden.Versions), MemberType = typeof(Golden))]
    public async Task A_failed_action_throws_with_the_charms_message_or_returns_the_task_when_asked(string jujuVersion)
    {
        using var juju = new FakeJuju();
        for (var i = 0; i < 2; i++)
        {
            juju.Expect(
                ["run", "--model", "plex-it", "--format", "json", "plex/0", "claim-server"],
                Golden.Read(jujuVersion, "action-failed.json"), exit: 1, stderr: Golden.Read(jujuVersion, "action-failed.stderr"));
        }

        var client = juju.Client();
        var e = await Assert.ThrowsAsync<JujuActionFailedException>(() => client.RunActionAsync("plex/0", "claim-server", cancellationToken: TestContext.Current.CancellationToken));
        var task = await client.RunActionAsync("plex/0", "claim-server", throwOnFailure: false, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("failed", e.Task.Status);
        Assert.Contains("Invalid token. Get one from https://plex.tv/claim", e.Message, StringComparison.Ordinal);
        Assert.False(task.IsSuccess);
        Assert.Equal("Invalid token. Get one from https://plex.tv/claim", task.Message);
        Assert.Empty(task.Results);
        juju.AssertAllCalled();
    }

    [Theory]
    [MemberData(nameof(Golden.Versions), MemberType = typeof(Golden))]
    public async Task An_action_juju_refuses_to_run_is_a_cli_error_with_its_stderr(string jujuVersion)
    {
        using var juju = new FakeJuju();
        var stderr = Golden.Read(jujuVersion, "action-undefined.stderr");
        juju.Expect(["run", "--model", "plex-it", "--format", "json", "plex/0", "no-such-action"], exit: 1, stderr: stderr);

        var e = await Assert.ThrowsAsync<JujuCliException>(() => juju.Client().RunActionAsync("plex/0", "no-such-action", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("exited 1 without running the action", e.Message, StringComparison.Ordinal);
        Assert.Contains(stderr.Trim(), e.Message, StringComparison.Ordinal);
    }
}

/// <summary>The claim-server action's results, as a charm test would type them.</summary>
public sealed record ClaimResults(
    [property: JsonPropertyName("claimed")] string Claimed,
    [property: JsonPropertyName("machine-identifier")] string MachineIdentifier);

[JsonSerializable(typeof(ClaimResults))]
internal sealed partial class ResultJson : JsonSerializerContext;
