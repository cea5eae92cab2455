using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Juju;
using Charmarr.Ops.Testing.Kubernetes;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Pebble.InProcess;

namespace Charmarr.Ops.Testing.Scenario;

/// <summary>Builds a fresh in-memory Juju model, Pebbles and Kubernetes API holding exactly an input <see cref="CharmState"/>.</summary>
internal static class StateLoader
{
    public static MemoryJujuBackend Backend(CharmSpec spec, CharmState state, Event e)
    {
        var backend = new MemoryJujuBackend(spec.UnitName, state.ModelUuid!, spec.Juju) { Leader = state.Leader };
        backend.SetPlannedUnits(state.PlannedUnits);
        foreach (var option in spec.Metadata.Config.Values)
        {
            backend.SetConfigDefault(option.Name, option.Default);
        }

        foreach (var (key, value) in state.Config)
        {
            backend.SetConfig(key, JsonValues.From(value, $"config option \"{key}\""));
        }

        foreach (var relation in state.Relations)
        {
            LoadRelation(backend, spec, relation);
        }

        // Juju no longer lists the departing unit while relation-departed runs; its bag stays readable.
        if (e.Kind == "departed" && e.Relation is { } departedFrom && EventResolver.ToRequest(e, spec).Snapshot.DepartingUnit is { } departing)
        {
            backend.RemoveRemoteUnit(departedFrom.Id, departing);
        }

        foreach (var (binding, network) in state.Networks)
        {
            backend.SetNetwork(binding, network);
        }

        foreach (var (name, path) in state.Resources)
        {
            backend.SetResource(name, path);
        }

        foreach (var storage in state.Storages)
        {
            var kind = spec.Metadata.Storage.TryGetValue(storage.Name, out var meta) ? meta.Type : "filesystem";
            backend.AttachStorage(storage.Id, new StorageDetails(kind, EventResolver.StorageLocation(spec, storage)));
        }

        foreach (var secret in state.Secrets)
        {
            backend.PutSecret(ToMemorySecret(secret));
        }

        backend.RestoreStatus(state.UnitStatus, state.AppStatus);
        if (state.WorkloadVersion.Length > 0)
        {
            backend.SetApplicationVersion(state.WorkloadVersion);
        }

        foreach (var port in state.OpenedPorts)
        {
            backend.OpenPort(port);
        }

        var unitState = state.StoredState.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        if (state.Deferred.Count > 0)
        {
            unitState[DeferredEvent.QueueKey] = "[" + string.Join(",", state.Deferred.Select(d => d.NoticeJson)) + "]";
        }

        if (unitState.Count > 0)
        {
            backend.SetState(unitState);
        }

        return backend;
    }

    public static InProcessPebbleClientFactory Pebble(CharmSpec spec, CharmState state, Event e)
    {
        var factory = new InProcessPebbleClientFactory();
        foreach (var name in spec.Metadata.Containers.Keys)
        {
            factory.For(name).CanConnect = false;
        }

        foreach (var container in state.Containers)
        {
            var client = factory.For(container.Name);
            client.CanConnect = container.CanConnect;
            LoadContainer(client.Simulator, container, e);
        }

        if (e.NoticeKey is { } key && e.Container is { } noticed)
        {
            factory.Simulator(noticed.Name).Notify(key);
        }

        return factory;
    }

    public static KubernetesSimulator Kubernetes(CharmSpec spec, CharmState state)
    {
        var kubernetes = new KubernetesSimulator();
        if (state.StatefulSet is { } given)
        {
            kubernetes.StatefulSets.Restore(given.Document);
        }
        else
        {
            kubernetes.StatefulSets.Put(JujuStatefulSetTemplate.Create(state.ModelName!, spec.AppName, spec.Metadata));
        }

        return kubernetes;
    }

    private static void LoadRelation(MemoryJujuBackend backend, CharmSpec spec, RelationBase relation)
    {
        var remoteApp = relation.RemoteApp(spec.AppName);
        backend.AddRelation(relation.Id, relation.Endpoint, remoteApp, relation is PeerRelationState);
        foreach (var (unit, data) in relation.RemoteUnits)
        {
            backend.SetRemoteUnitData(relation.Id, FormattableString.Invariant($"{remoteApp}/{unit}"), data);
        }

        if (relation is RelationState regular)
        {
            backend.SetRemoteAppData(relation.Id, regular.RemoteAppData);
        }

        backend.SetLocalAppData(relation.Id, relation.LocalAppData);
        backend.SetLocalUnitData(relation.Id, relation.LocalUnitData);
    }

    private static void LoadContainer(PebbleSimulator simulator, ContainerState container, Event e)
    {
        foreach (var layer in container.Layers)
        {
            simulator.AddLayer(LayerMapping.ToPlanLayer(layer.Label, layer.Content), combine: false);
        }

        var active = container.ServiceStatuses.Where(s => s.Value == ServiceStatus.Active).Select(s => s.Key).ToList();
        if (active.Count > 0)
        {
            simulator.ServicesAction("start", active);
        }

        foreach (var (path, text) in container.Files)
        {
            simulator.WriteFile(path, text, new FileCreation { MakeParents = true });
        }

        foreach (var exec in container.Execs)
        {
            simulator.HandleExec(exec.CommandPrefix, ExecResult.FromText(exec.ReturnCode, exec.Stdout, exec.Stderr));
        }

        var checks = container.Checks;
        if (e.CheckName is { } eventCheck && e.Container?.Name == container.Name)
        {
            // The event is what happened to the check: failed means it went down, recovered that it passed again.
            checks = checks.With(eventCheck, e.HookName.EndsWith("-pebble-check-failed", StringComparison.Ordinal) ? CheckState.Down : CheckState.Passing);
        }

        foreach (var (name, state) in checks)
        {
            LoadCheck(simulator, name, state);
        }
    }

    /// <summary>Drives a running check (up, no runs) to the given state with the runs that would lead there.</summary>
    private static void LoadCheck(PebbleSimulator simulator, string name, CheckState state)
    {
        if (state.Status == CheckStatus.Inactive)
        {
            simulator.ChecksAction("stop", name);
            return;
        }

        if (state.Status == CheckStatus.Down)
        {
            var threshold = simulator.GetChecks(null, name)[0].Threshold;
            for (var i = 0; i < Math.Max(state.Failures, threshold); i++)
            {
                simulator.ReportCheckFailure(name);
            }

            return;
        }

        for (var i = 0; i < state.Successes; i++)
        {
            simulator.ReportCheckSuccess(name);
        }

        for (var i = 0; i < state.Failures; i++)
        {
            simulator.ReportCheckFailure(name);
        }
    }

    private static MemorySecret ToMemorySecret(SecretState secret)
    {
        var holder = secret.Owner switch
        {
            SecretOwner.Application => SecretHolder.LocalApp,
            SecretOwner.Unit => SecretHolder.LocalUnit,
            _ => SecretHolder.Remote,
        };
        var memory = new MemorySecret(SecretIds.Bare(secret.Id), holder, secret.TrackedContent) { TrackedRevision = 1 };
        if (secret.LatestContent is { } latest && latest != secret.TrackedContent)
        {
            memory.AddRevision(latest);
        }

        if (holder == SecretHolder.Remote)
        {
            memory.ConsumerLabel = secret.Label;
        }
        else
        {
            memory.OwnerLabel = secret.Label;
        }

        memory.Description = secret.Description;
        memory.Expire = secret.Expire;
        memory.Rotate = secret.Rotate;
        memory.Grants.UnionWith(secret.RemoteGrants);
        return memory;
    }
}
