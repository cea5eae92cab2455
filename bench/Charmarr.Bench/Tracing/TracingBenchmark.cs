using System.Globalization;
using Charmarr.Bench.Hooks;
using Charmarr.Bench.Measurement;
using Charmarr.Bench.Report;
using Charmarr.Cli.Simulation;
using Charmarr.Ops.Testing.Http;
using HttpFake = Charmarr.Ops.Testing.Http.HttpFake;

namespace Charmarr.Bench.Tracing;

/// <summary>
/// What charm tracing costs a packed charm that enables it (issue 18): its <c>update-status</c> timed in three states,
/// interleaved run by run — no tracing relation (no destination file), a destination whose collector answers (the spans
/// are posted), and one whose collector refuses connections (spans buffered on disk, export paused after the first
/// failure). Each state keeps its own tracing directory between its runs (moved aside while another state runs), as a
/// unit would between hooks. What the tracing code costs a hook without a relation is compared against a build without
/// it by hand (bench/README.md): one binary cannot show it.
/// </summary>
internal static class TracingBenchmark
{
    private const string Label = "charm tracing, update-status";

    public static async Task<IReadOnlyList<Figure>> MeasureAsync(string charmDirectory, int runs)
    {
        Console.WriteLine($"Measuring charm tracing: update-status untraced, traced to a loopback collector, traced to a closed port, {runs} runs each, interleaved …");
        await using var collector = await HttpFake.StartAsync();
        collector.Answer("POST", "/v1/traces", HttpFakeResponse.Json(200, "{}"));
        await using var unit = await PlexDeployment.StartAsync(charmDirectory, ShimLocator.Find());
        var tracing = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(charmDirectory))!, ".charmarr-tracing");
        var stashes = Path.Combine(Path.GetDirectoryName(tracing)!, "tracing-states");
        var reachable = new TracingState(Path.Combine(stashes, "reachable"), collector.BaseUrl.AbsoluteUri);
        var refused = new TracingState(Path.Combine(stashes, "refused"), $"http://127.0.0.1:{ClosedPort()}/");
        var scenario = new HookEvent("update-status", "event: update-status").Scenario();
        await unit.PlayAsync(scenario);

        var untracedWall = new List<double>();
        var reachableWall = new List<double>();
        var refusedWall = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            untracedWall.Add((await unit.PlayAsync(scenario)).Outcome.Elapsed.TotalMilliseconds);
            reachableWall.Add(await reachable.PlayAsync(unit, scenario, tracing));
            refusedWall.Add(await refused.PlayAsync(unit, scenario, tracing));
        }

        var posts = collector.Requests.Count(r => r.Method == "POST");
        var untraced = Stats.Median(untracedWall);
        return
        [
            new Figure(Label, $"no tracing relation (no destination), wall median of {runs}", ReportTable.Milliseconds(untraced)),
            Traced("collector reachable (spans posted)", reachableWall, untraced),
            Traced("collector refusing (spans buffered, export paused)", refusedWall, untraced),
            new Figure(Label, "posts the collector received", posts.ToString(CultureInfo.InvariantCulture), new Target($"= {runs}", posts == runs)),
        ];
    }

    private static Figure Traced(string what, List<double> wall, double untraced)
    {
        var median = Stats.Median(wall);
        return new Figure(Label, $"{what}, wall median", string.Create(CultureInfo.InvariantCulture, $"{median:0.0} ms ({median - untraced:+0.0;-0.0} ms)"));
    }

    // A port that was free a moment ago: connecting to it is refused at once.
    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One traced state: its tracing directory (destination, buffer, export pause), kept aside between its runs.</summary>
    private sealed class TracingState
    {
        private readonly string stash;

        public TracingState(string stash, string url)
        {
            this.stash = stash;
            Directory.CreateDirectory(stash, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var destination = Path.Combine(stash, "destination.json");
            File.WriteAllText(destination, $$"""{"url":"{{url}}"}""");
            File.SetUnixFileMode(destination, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        public async Task<double> PlayAsync(BenchUnit unit, Scenario scenario, string tracing)
        {
            Directory.Move(stash, tracing);
            try
            {
                return (await unit.PlayAsync(scenario)).Outcome.Elapsed.TotalMilliseconds;
            }
            finally
            {
                Directory.Move(tracing, stash);
            }
        }
    }
}
