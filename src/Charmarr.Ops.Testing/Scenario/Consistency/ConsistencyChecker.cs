using Charmarr.Ops.Metadata;
using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;

namespace Charmarr.Ops.Testing.Scenario;

/// <summary>
/// Rejects inputs Juju could never produce, before anything runs: names the metadata does not declare, wrong config
/// types, relations of the wrong kind, duplicate ids, data a non-leader cannot hold, and events whose objects are not in
/// the state. Every problem is collected, so one run shows them all.
/// </summary>
internal static class ConsistencyChecker
{
    public static void Check(CharmSpec spec, Event e, CharmState state)
    {
        var problems = new List<string>();
        CheckState(spec, state, problems);
        CheckEvent(spec, e, state, problems);
        if (problems.Count > 0)
        {
            throw new InconsistentStateException(e.HookName, problems);
        }
    }

    private static void CheckState(CharmSpec spec, CharmState state, List<string> problems)
    {
        var meta = spec.Metadata;
        if (state.PlannedUnits < 1)
        {
            problems.Add($"planned units is {state.PlannedUnits}; an application with this unit has at least 1");
        }

        foreach (var (key, value) in state.Config)
        {
            problems.AddRange(ConfigValidator.Problems(meta, spec.Juju, key, JsonValues.From(value, $"config option \"{key}\"")));
        }

        CheckRelations(spec, state, problems);

        foreach (var container in state.Containers)
        {
            if (!meta.Containers.ContainsKey(container.Name))
            {
                problems.Add($"container \"{container.Name}\" is not declared (containers: {Names(meta.Containers.Keys)})");
            }

            foreach (var prefix in container.Execs.GroupBy(x => string.Join('\0', x.CommandPrefix)).Where(g => g.Count() > 1))
            {
                problems.Add($"container \"{container.Name}\" has {prefix.Count()} exec answers for the same command prefix [{prefix.Key.Replace('\0', ' ')}]");
            }

            foreach (var path in container.Files.Keys.Where(p => !p.StartsWith('/')))
            {
                problems.Add($"file \"{path}\" in container \"{container.Name}\" is not an absolute path");
            }
        }

        Duplicates(state.Containers.Select(c => c.Name), "container", problems);
        CheckContainerChecks(state, problems);

        foreach (var storage in state.Storages)
        {
            if (!meta.Storage.ContainsKey(storage.Name))
            {
                problems.Add($"storage \"{storage.Name}\" is not declared (storage: {Names(meta.Storage.Keys)})");
            }

            if (storage.Index < 0)
            {
                problems.Add($"storage {storage.Id} has a negative index");
            }
        }

        Duplicates(state.Storages.Select(s => s.Id), "storage instance", problems);
        Duplicates(state.Secrets.Select(s => SecretIds.Bare(s.Id)), "secret id", problems);
        foreach (var secret in state.Secrets.Where(s => s.Owner == Charmarr.Ops.Model.SecretOwner.Application && !state.Leader && s.RemoteGrants.Count > 0))
        {
            problems.Add($"secret {secret.Id} is owned by the application and has grants, which only the leader can see; set Leader = true");
        }

        foreach (var binding in state.Networks.Keys.Where(b => !meta.Relations.ContainsKey(b) && !meta.ExtraBindings.Contains(b) && b != "juju-info"))
        {
            problems.Add($"network binding \"{binding}\" is neither an endpoint nor an extra-binding");
        }

        foreach (var resource in state.Resources.Keys.Where(r => !meta.Resources.ContainsKey(r)))
        {
            problems.Add($"resource \"{resource}\" is not declared (resources: {Names(meta.Resources.Keys)})");
        }

        if (state.StoredState.ContainsKey(DeferredEvent.QueueKey))
        {
            problems.Add($"stored state key \"{DeferredEvent.QueueKey}\" is the deferred-event queue; put deferred events in CharmState.Deferred");
        }

        if (!state.UnitStatus.IsSettable && state.UnitStatus != Status.Unknown)
        {
            problems.Add($"unit status {state.UnitStatus} cannot be the input: a charm only sees active, blocked, maintenance, waiting or unknown");
        }
    }

    private static void CheckRelations(CharmSpec spec, CharmState state, List<string> problems)
    {
        var meta = spec.Metadata;
        foreach (var relation in state.Relations)
        {
            var label = $"relation {relation.Endpoint}:{relation.Id}";
            if (!meta.Relations.TryGetValue(relation.Endpoint, out var endpoint))
            {
                problems.Add($"{label}: endpoint \"{relation.Endpoint}\" is not declared (endpoints: {Names(meta.Relations.Keys)})");
                continue;
            }

            switch (relation)
            {
                case PeerRelationState when endpoint.Role != RelationRole.Peer:
                    problems.Add($"{label}: \"{relation.Endpoint}\" is a {endpoint.Role.ToString().ToLowerInvariant()} endpoint; use RelationState, not PeerRelationState");
                    break;
                case RelationState when endpoint.Role == RelationRole.Peer:
                    problems.Add($"{label}: \"{relation.Endpoint}\" is a peer endpoint; use PeerRelationState, not RelationState");
                    break;
                case RelationState regular when regular.RemoteAppName == spec.AppName || regular.RemoteAppName.Contains('/', StringComparison.Ordinal):
                    problems.Add($"{label}: remote application \"{regular.RemoteAppName}\" must be another application's name");
                    break;
                case PeerRelationState peer when peer.PeersData.ContainsKey(spec.Options.UnitId):
                    problems.Add($"{label}: PeersData holds unit {spec.Options.UnitId}, which is this unit; list only the other units");
                    break;
            }

            if (relation is not PeerRelationState && !state.Leader && relation.LocalAppData.Count > 0)
            {
                problems.Add($"{label}: a non-leader cannot read or write its application's databag on a regular relation, so LocalAppData must be empty (or set Leader = true)");
            }

            foreach (var unit in relation.RemoteUnits.Keys.Where(u => u < 0))
            {
                problems.Add($"{label}: remote unit number {unit} is negative");
            }
        }

        Duplicates(state.Relations.Select(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "relation id", problems);
        foreach (var group in state.Relations.GroupBy(r => r.Endpoint))
        {
            if (meta.Relations.TryGetValue(group.Key, out var endpoint) && endpoint.Limit is { } limit && group.Count() > limit)
            {
                problems.Add($"endpoint \"{group.Key}\" has {group.Count()} relations but its limit is {limit}: Juju refuses the relation beyond it (quota limit exceeded)");
            }
        }
    }

    private static void CheckContainerChecks(CharmState state, List<string> problems)
    {
        foreach (var container in state.Containers)
        {
            var declared = DeclaredChecks(container);
            foreach (var (check, checkState) in container.Checks)
            {
                if (!declared.Contains(check))
                {
                    problems.Add($"container \"{container.Name}\": check \"{check}\" is in Checks but in none of its layers (checks: {Names(declared)})");
                }
                else if (!container.CanConnect)
                {
                    problems.Add($"container \"{container.Name}\": check \"{check}\" has a state but Pebble is not up (CanConnect = false), so no check runs");
                }
                else if (checkState.Successes < 0 || checkState.Failures < 0)
                {
                    problems.Add($"container \"{container.Name}\": check \"{check}\" has a negative count");
                }
            }
        }
    }

    private static void CheckCheckEvent(Event e, ContainerState container, string check, List<string> problems)
    {
        var declared = DeclaredChecks(container);
        if (!declared.Contains(check))
        {
            problems.Add($"event {e.HookName}: check \"{check}\" is in none of container \"{container.Name}\"'s layers (checks: {Names(declared)})");
            return;
        }

        if (container.Checks.TryGetValue(check, out var given) && given.Status == CheckStatus.Inactive)
        {
            problems.Add($"event {e.HookName}: check \"{check}\" is inactive in the state; a check that does not run neither fails nor recovers");
        }
    }

    private static List<string> DeclaredChecks(ContainerState container) =>
        container.Layers.SelectMany(l => l.Content.Checks?.Keys ?? []).Distinct().Order(StringComparer.Ordinal).ToList();

    private static void CheckEvent(CharmSpec spec, Event e, CharmState state, List<string> problems)
    {
        var meta = spec.Metadata;
        if (e is ActionEvent action)
        {
            problems.AddRange(ActionParamsValidator.Problems(meta, spec.Juju, action.HookName, action.Parameters));
            return;
        }

        if (e.Relation is { } relation)
        {
            CheckRelationEvent(e, relation, state, problems);
        }

        if (e.Container is { } container)
        {
            var inState = state.Containers.FirstOrDefault(c => c.Name == container.Name);
            if (!meta.Containers.ContainsKey(container.Name))
            {
                problems.Add($"event {e.HookName}: container \"{container.Name}\" is not declared (containers: {Names(meta.Containers.Keys)})");
            }
            else if (inState is null)
            {
                problems.Add($"event {e.HookName}: container \"{container.Name}\" is not in the state");
            }
            else if (!inState.CanConnect)
            {
                problems.Add($"event {e.HookName}: container \"{container.Name}\" cannot connect, but Juju sends Pebble events only when Pebble is up; set CanConnect = true");
            }
            else if (e.CheckName is { } check)
            {
                CheckCheckEvent(e, inState, check, problems);
            }
        }

        if (e.Storage is { } storage && !state.Storages.Contains(storage))
        {
            problems.Add($"event {e.HookName}: storage {storage.Id} is not in the state");
        }

        if (e.Secret is { } secret)
        {
            var inState = state.Secrets.FirstOrDefault(s => SecretIds.Same(s.Id, secret.Id));
            if (inState is null)
            {
                problems.Add($"event {e.HookName}: secret {secret.Id} is not in the state");
            }
            else if (e.HookName == "secret-changed" && inState.Owner is not null)
            {
                problems.Add($"event secret-changed: secret {secret.Id} is owned by this {(inState.Owner == Charmarr.Ops.Model.SecretOwner.Unit ? "unit" : "application")}; Juju sends secret-changed to consumers only");
            }
            else if (e.HookName != "secret-changed" && inState.Owner is null)
            {
                problems.Add($"event {e.HookName}: secret {secret.Id} is owned by another application; Juju sends {e.HookName} to its owner only");
            }
        }

        if (e.SecretRevision is < 1)
        {
            problems.Add($"event {e.HookName}: revision {e.SecretRevision} is not a revision (they start at 1)");
        }
    }

    private static void CheckRelationEvent(Event e, RelationBase relation, CharmState state, List<string> problems)
    {
        var inState = state.Relations.FirstOrDefault(r => r.Id == relation.Id);
        if (inState is null)
        {
            problems.Add($"event {e.HookName}: relation {relation.Endpoint}:{relation.Id} is not in the state");
            return;
        }

        if (!inState.Equals(relation))
        {
            problems.Add($"event {e.HookName}: relation {relation.Id} differs from the state's relation with that id; build the event from the relation in the state");
        }

        var units = inState.RemoteUnits;
        var remote = EventResolver.RemoteUnitId(e, inState);
        if (e.RemoteUnitId is { } given && !units.ContainsKey(given))
        {
            problems.Add($"event {e.HookName}: remote unit {given} is not in relation {relation.Id} (units: {Names(units.Keys.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)))})");
        }

        if (e.DepartingUnitId is { } departing && !units.ContainsKey(departing))
        {
            problems.Add($"event {e.HookName}: departing unit {departing} is not in relation {relation.Id}");
        }

        if (e.Kind is "joined" or "departed" && remote is null)
        {
            problems.Add($"event {e.HookName}: relation-{e.Kind} needs a remote unit; relation {relation.Id} has {units.Count}, so name one");
        }
    }

    private static void Duplicates(IEnumerable<string> values, string what, List<string> problems)
    {
        foreach (var group in values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{what} \"{group.Key}\" appears {group.Count()} times");
        }
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
