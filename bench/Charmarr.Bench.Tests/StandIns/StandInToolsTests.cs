using System.Diagnostics;
using Charmarr.Bench.StandIns;

namespace Charmarr.Bench.Tests.StandIns;

/// <summary>The stand-in hook tools answer what was recorded for the same charm, event and arguments, and nothing else.</summary>
public sealed class StandInToolsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("bench-stand-ins-").FullName;

    [Fact]
    public async Task A_stand_in_answers_the_recorded_output_and_exit_code_for_its_charm_event_and_arguments()
    {
        StandInTools.Write(Path.Combine(directory, "tools"), [
            new RecordedAnswer("plex-k8s", "hooks/config-changed", "relation-get", ["--format=json", "-r", "media-storage:1", "-", "storage", "--app"], 0, "{\"config\":\"it's\"}\n", ""),
            new RecordedAnswer("python-ops-plex", "hooks/config-changed", "relation-get", ["--format=json", "-r", "media-storage:1", "-", "storage", "--app"], 0, "{}\n", ""),
            new RecordedAnswer("plex-k8s", "hooks/update-status", "relation-get", ["-r", "9"], 2, "", "ERROR relation not found\n"),
        ]);

        var plex = await RunAsync("plex-k8s", "hooks/config-changed", "--format=json", "-r", "media-storage:1", "-", "storage", "--app");
        var peer = await RunAsync("python-ops-plex", "hooks/config-changed", "--format=json", "-r", "media-storage:1", "-", "storage", "--app");
        var missing = await RunAsync("plex-k8s", "hooks/update-status", "-r", "9");

        Assert.Equal((0, "{\"config\":\"it's\"}\n", ""), plex);
        Assert.Equal((0, "{}\n", ""), peer);
        Assert.Equal((2, "", "ERROR relation not found\n"), missing);
    }

    [Fact]
    public async Task A_call_nobody_recorded_succeeds_silently_and_every_call_is_counted()
    {
        StandInTools.Write(Path.Combine(directory, "tools"), [new RecordedAnswer("plex-k8s", "hooks/stop", "relation-get", ["x"], 0, "y", "")]);

        var answer = await RunAsync("plex-k8s", "hooks/stop", "something", "else");
        await RunAsync("plex-k8s", "hooks/stop", "x");

        Assert.Equal((0, "", ""), answer);
        Assert.Equal(["relation-get", "relation-get"], File.ReadAllLines(Path.Combine(directory, "calls")));
    }

    [Fact]
    public void The_first_answer_to_a_key_wins_and_quotes_survive_shell_quoting()
    {
        var script = StandInTools.Script("config-get", [
            new RecordedAnswer("c", "hooks/x", "config-get", ["a'b"], 0, "first", ""),
            new RecordedAnswer("c", "hooks/x", "config-get", ["a'b"], 0, "second", ""),
        ]);

        Assert.Contains("'c hooks/x a'\\''b')", script, StringComparison.Ordinal);
        Assert.Contains("first", script, StringComparison.Ordinal);
        Assert.DoesNotContain("second", script, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string charm, string dispatchPath, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(directory, "tools", "relation-get"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["JUJU_CHARM_DIR"] = Path.Combine(directory, charm);
        start.Environment["JUJU_DISPATCH_PATH"] = dispatchPath;
        start.Environment[StandInTools.CallLogVariable] = Path.Combine(directory, "calls");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
