using System.Text.Json.Nodes;

namespace Charmarr.Cli.Simulation;

/// <summary>A deploy story for <c>charmarr simulate</c>: the unit's starting point and the steps to play.</summary>
/// <param name="Unit">The unit name; default <c>&lt;charm&gt;/0</c>.</param>
/// <param name="Leader">Whether the unit starts as leader.</param>
/// <param name="Config">Config values set before the first step (the charm's defaults apply to the rest).</param>
/// <param name="Environment">Extra environment for the charm process (e.g. the URL of a local fake service).</param>
/// <param name="Fakes">Local HTTP fakes started before the first step.</param>
/// <param name="Steps">The steps, in order.</param>
internal sealed record Scenario(
    string? Unit,
    bool Leader,
    IReadOnlyDictionary<string, JsonNode?> Config,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<HttpFake> Fakes,
    IReadOnlyList<ScenarioStep> Steps)
{
    /// <summary>The Juju the unit emulates (<c>juju-version:</c>, or <c>simulate --juju</c>): <c>3.6</c>, <c>4.0</c> or a full version; 3.6 when absent.</summary>
    public string? JujuVersion { get; init; }

    /// <summary>Where the top-level <c>config:</c> stands in the scenario file (0 when absent), for messages.</summary>
    public long ConfigLine { get; init; }

    /// <summary>The workload programs a real Pebble runs in their place (<c>--pebble real</c> only).</summary>
    public IReadOnlyList<WorkloadStandIn> StandIns { get; init; } = [];
}

/// <summary>
/// A stand-in for a workload's binary, put at <paramref name="Path"/> in the container's root when the container runs
/// on a real Pebble (the simulator runs no processes, so it ignores stand-ins). It runs until Pebble stops it and, with
/// a <paramref name="Port"/>, answers HTTP on that port inside the container with the canned routes of the fake named
/// <paramref name="Fake"/>, the same answers the charm gets from that fake.
/// </summary>
/// <param name="Line">Where it stands in the scenario file, for messages.</param>
/// <param name="Container">The workload container.</param>
/// <param name="Path">The absolute path of the binary the charm's layer runs.</param>
/// <param name="Port">The port it listens on inside the container, or none.</param>
/// <param name="Fake">The fake whose routes it serves (needs a port).</param>
internal sealed record WorkloadStandIn(long Line, string Container, string Path, int? Port, string? Fake);

/// <summary>A local HTTP service the charm talks to, answered from canned responses on a loopback port.</summary>
/// <param name="Name">A name for the printout, e.g. <c>plex.tv</c>.</param>
/// <param name="UrlVariable">The environment variable the charm reads its URL from; set to <c>http://127.0.0.1:PORT</c>.</param>
/// <param name="Routes">The canned responses.</param>
internal sealed record HttpFake(string Name, string UrlVariable, IReadOnlyList<HttpFakeRoute> Routes);

/// <summary>One canned response.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path (without query).</param>
/// <param name="Status">The status code.</param>
/// <param name="Body">The body.</param>
/// <param name="ContentType">The body's media type.</param>
internal sealed record HttpFakeRoute(string Method, string Path, int Status, string Body, string ContentType);

/// <summary>One step of a scenario.</summary>
/// <param name="Line">Where it stands in the scenario file, for messages.</param>
internal abstract record ScenarioStep(long Line);

/// <summary>Prints a heading (the operator's command the next events answer).</summary>
internal sealed record SayStep(long Line, string Text) : ScenarioStep(Line);

/// <summary>Runs a hook; <paramref name="Relation"/> names the endpoint for relation hooks, <paramref name="RemoteUnit"/> the remote unit.</summary>
internal sealed record EventStep(long Line, string Hook, string? Relation, string? RemoteUnit) : ScenarioStep(Line);

/// <summary>Runs an action with parameters.</summary>
internal sealed record ActionStep(long Line, string Name, JsonObject Params) : ScenarioStep(Line);

/// <summary>Changes leadership (no event by itself).</summary>
internal sealed record LeaderStep(long Line, bool Leader) : ScenarioStep(Line);

/// <summary>Changes config (no event by itself).</summary>
internal sealed record ConfigStep(long Line, IReadOnlyDictionary<string, JsonNode?> Values) : ScenarioStep(Line);

/// <summary>Adds a relation on <paramref name="Endpoint"/> to <paramref name="App"/> with <paramref name="Units"/> (a peer relation when App is empty).</summary>
internal sealed record RelateStep(long Line, string Endpoint, string App, IReadOnlyList<string> Units) : ScenarioStep(Line);

/// <summary>The remote side of <paramref name="Endpoint"/>'s relation publishes data.</summary>
internal sealed record RemoteDataStep(long Line, string Endpoint, IReadOnlyDictionary<string, string> App, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Units) : ScenarioStep(Line);

/// <summary>Fires <c>&lt;container&gt;-pebble-ready</c> (or check-failed/check-recovered with <paramref name="Check"/>).</summary>
internal sealed record PebbleStep(long Line, string Hook, string Container, string? Check) : ScenarioStep(Line);

/// <summary>Writes a file into a workload container, as the workload itself would (e.g. what Plex writes on first start).</summary>
/// <param name="Line">Where it stands in the scenario file.</param>
/// <param name="Container">The workload container.</param>
/// <param name="Path">The absolute path; missing parent directories are made.</param>
/// <param name="Content">The file's text.</param>
/// <param name="UserId">The owner's uid (default 0).</param>
/// <param name="GroupId">The owner's gid (default 0).</param>
internal sealed record FileStep(long Line, string Container, string Path, string Content, int? UserId, int? GroupId) : ScenarioStep(Line);

/// <summary>A run of a container's Pebble check succeeded (no event by itself: Juju only reports failures and recoveries).</summary>
internal sealed record CheckUpStep(long Line, string Container, string Check) : ScenarioStep(Line);

/// <summary>
/// The workload records a custom Pebble notice (as <c>pebble notify &lt;key&gt;</c> does), and Juju turns it into
/// <c>&lt;container&gt;-pebble-custom-notice</c>. On real Pebble the workload records it itself; the step waits for it.
/// </summary>
internal sealed record NoticeStep(long Line, string Container, string Key) : ScenarioStep(Line);

/// <summary>Commands starting with <paramref name="CommandPrefix"/> in <paramref name="Container"/> exit with
/// <paramref name="Exit"/> and print <paramref name="Stdout"/> from now on (the longest matching prefix wins).</summary>
internal sealed record ExecStep(long Line, string Container, IReadOnlyList<string> CommandPrefix, int Exit, string Stdout) : ScenarioStep(Line);

/// <summary>Asserts statuses after the previous step; a mismatch makes simulate exit 1.</summary>
internal sealed record ExpectStep(long Line, string? UnitStatus, string? AppStatus, string? ActionStatus) : ScenarioStep(Line);
