using System.Text.Json.Nodes;

namespace Charmarr.Cli.Simulation;

/// <summary>Plays a scenario's steps on a <see cref="SimulatedUnit"/>, printing each event as it runs.</summary>
internal sealed class ScenarioPlayer(SimulatedUnit unit, EventPrinter printer)
{
    private readonly Dictionary<string, (int Id, string App, List<string> Units)> relations = new(StringComparer.Ordinal);
    private EventRun? last;

    /// <summary>The expectations that did not hold, as messages.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>Every event run, in order.</summary>
    public List<EventRun> Runs { get; } = [];

    public async Task PlayAsync(Scenario scenario)
    {
        foreach (var step in scenario.Steps)
        {
            await PlayAsync(step);
        }
    }

    private async Task PlayAsync(ScenarioStep step)
    {
        switch (step)
        {
            case SayStep say:
                printer.Heading(say.Text);
                break;
            case LeaderStep leader:
                unit.Backend.Leader = leader.Leader;
                break;
            case ConfigStep config:
                foreach (var (key, value) in config.Values)
                {
                    unit.Backend.SetConfig(key, value);
                }

                break;
            case RelateStep relate:
                Relate(relate);
                break;
            case RemoteDataStep data:
                var relation = Relation(data.Endpoint, data.Line);
                if (data.App.Count > 0)
                {
                    unit.Backend.SetRemoteAppData(relation.Id, data.App);
                }

                foreach (var (remote, bag) in data.Units)
                {
                    unit.Backend.SetRemoteUnitData(relation.Id, remote, bag);
                }

                break;
            case EventStep e:
                await RunAsync(e.Hook, RelationVariables(e));
                break;
            case PebbleStep pebble:
                var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["JUJU_WORKLOAD_NAME"] = pebble.Container };
                if (pebble.Check is not null)
                {
                    variables["JUJU_PEBBLE_CHECK_NAME"] = pebble.Check;
                }

                await RunAsync($"{pebble.Container}-{pebble.Hook}", variables);
                break;
            case ActionStep action:
                if (Charmarr.Ops.Testing.ActionParamsValidator.Problems(unit.Metadata, unit.Backend.JujuVersion, action.Name, action.Params) is { Count: > 0 } refused)
                {
                    throw new CliException($"scenario line {action.Line}: Juju {unit.Backend.JujuVersion} would refuse this action: {string.Join("; ", refused)}");
                }

                Record(await unit.RunAsync(action.Name, new Dictionary<string, string>(), (action.Name, action.Params)));
                break;
            case FileStep file:
                await Container(file.Container, file.Line).WriteFileAsync(file);
                printer.Note($"{file.Container}: the workload wrote {file.Path} ({file.UserId ?? 0}:{file.GroupId ?? 0})");
                break;
            case CheckUpStep check:
                await Container(check.Container, check.Line).CheckUpAsync(check);
                printer.Note($"{check.Container}: check {check.Check} succeeded");
                break;
            case NoticeStep notice:
                var id = await Container(notice.Container, notice.Line).NoticeAsync(notice);
                printer.Note($"{notice.Container}: the workload recorded notice {id} ({notice.Key})");
                await RunAsync($"{notice.Container}-pebble-custom-notice", new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["JUJU_WORKLOAD_NAME"] = notice.Container,
                    ["JUJU_NOTICE_ID"] = id,
                    ["JUJU_NOTICE_TYPE"] = "custom",
                    ["JUJU_NOTICE_KEY"] = notice.Key,
                });
                break;
            case ExecStep exec:
                if (Container(exec.Container, exec.Line).AnswerExec(exec) is { } note)
                {
                    printer.Note(note);
                }

                break;
            case ExpectStep expect:
                Check(expect);
                break;
            case CosStep cos:
                await PlayCosAsync(cos);
                break;
        }
    }

    // Relates the stand-in with what the real COS charm publishes, runs created, joined and changed, and prints what the
    // charm published back.
    private async Task PlayCosAsync(CosStep step)
    {
        var (standIn, endpoint) = CosStandIn.Resolve(step, unit.Metadata, "scenario");
        Relate(new RelateStep(step.Line, endpoint, standIn.App, [standIn.Unit]));
        var id = relations[endpoint].Id;
        unit.Backend.SetRemoteAppData(id, standIn.AppData);
        unit.Backend.SetRemoteUnitData(id, standIn.Unit, standIn.UnitData);
        foreach (var kind in new[] { "created", "joined", "changed" })
        {
            await RunAsync($"{endpoint}-relation-{kind}", RelationVariables(new EventStep(step.Line, $"{endpoint}-relation-{kind}", endpoint, null)));
        }

        var plans = unit.Containers.ToDictionary(c => c.Key, c => Ops.Pebble.PebblePlan.Parse(c.Value.PlanYaml), StringComparer.Ordinal);
        foreach (var line in CosPublished.Describe(standIn, unit.Backend.GetLocalAppData(id), unit.Backend.GetLocalUnitData(id), plans))
        {
            printer.Note(line);
        }
    }

    private IWorkloadContainer Container(string name, long line) =>
        unit.Workloads.TryGetValue(name, out var container)
            ? container
            : throw new CliException($"scenario line {line}: the charm has no container '{name}' (it has: {string.Join(", ", unit.Workloads.Keys)})");

    private async Task RunAsync(string hook, IReadOnlyDictionary<string, string> variables) => Record(await unit.RunAsync(hook, variables));

    private void Record(EventRun run)
    {
        last = run;
        Runs.Add(run);
        printer.Print(run);
    }

    private void Relate(RelateStep relate)
    {
        var isPeer = unit.Metadata.Relations.TryGetValue(relate.Endpoint, out var meta) ? meta.Role == Ops.Metadata.RelationRole.Peer
            : throw new CliException($"scenario line {relate.Line}: the charm declares no endpoint '{relate.Endpoint}' (it has: {string.Join(", ", unit.Metadata.Relations.Keys)})");
        var id = isPeer ? unit.Backend.AddPeerRelation(relate.Endpoint) : unit.Backend.AddRelation(relate.Endpoint, relate.App);
        foreach (var remote in relate.Units)
        {
            unit.Backend.AddRemoteUnit(id, remote);
        }

        relations[relate.Endpoint] = (id, isPeer ? unit.Backend.AppName : relate.App, [.. relate.Units]);
    }

    private (int Id, string App, List<string> Units) Relation(string endpoint, long line) =>
        relations.TryGetValue(endpoint, out var relation)
            ? relation
            : throw new CliException($"scenario line {line}: no relation on '{endpoint}' yet; add a 'relate' step first");

    // <endpoint>-relation-<kind> hooks get JUJU_RELATION*, JUJU_REMOTE_* (the remote unit is empty in created and broken).
    private Dictionary<string, string> RelationVariables(EventStep e)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var marker = e.Hook.LastIndexOf("-relation-", StringComparison.Ordinal);
        if (marker < 0)
        {
            return variables;
        }

        var endpoint = e.Relation ?? e.Hook[..marker];
        var kind = e.Hook[(marker + "-relation-".Length)..];
        var relation = Relation(endpoint, e.Line);
        variables["JUJU_RELATION"] = endpoint;
        variables["JUJU_RELATION_ID"] = $"{endpoint}:{relation.Id}";
        variables["JUJU_REMOTE_APP"] = relation.App;
        variables["JUJU_REMOTE_UNIT"] = kind is "created" or "broken" ? "" : e.RemoteUnit ?? relation.Units.FirstOrDefault() ?? "";
        if (kind == "departed")
        {
            variables["JUJU_DEPARTING_UNIT"] = variables["JUJU_REMOTE_UNIT"];
        }

        return variables;
    }

    private void Check(ExpectStep expect)
    {
        void Compare(string what, string? expected, string? actual)
        {
            if (expected is null)
            {
                return;
            }

            // "active" matches any message, "active: text" that text, and "active:" no message at all.
            var matches = expected.EndsWith(':') ? actual == expected.TrimEnd(':')
                : expected.Contains(':', StringComparison.Ordinal) ? actual == expected
                : actual?.Split(':')[0] == expected;
            printer.Expectation(what, expected, actual, matches);
            if (!matches)
            {
                Failures.Add($"scenario line {expect.Line}: expected {what} '{expected}', got '{actual}'");
            }
        }

        Compare("unit status", expect.UnitStatus, unit.Backend.UnitStatus.ToString());
        Compare("app status", expect.AppStatus, unit.Backend.AppStatus.ToString());
        Compare("action", expect.ActionStatus, last?.Action is { } a ? (a.FailureMessage is null && last.Outcome.ExitCode == 0 ? "completed" : $"failed: {a.FailureMessage ?? $"exit status {last.Outcome.ExitCode}"}") : null);
    }
}
