using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Juju;
using Charmarr.Ops.Testing.Kubernetes;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Pebble.InProcess;

namespace Charmarr.Ops.Testing.Scenario;

/// <summary>Reads the in-memory model, Pebbles and Kubernetes API back into the output <see cref="CharmState"/>.</summary>
internal static class StateReader
{
    public static CharmState Read<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TCharm>(CharmRunner<TCharm> runner, CharmState input, Event e)
        where TCharm : Framework.CharmBase
    {
        var backend = runner.Backend;
        var unitState = backend.UnitState;
        var broken = e.Kind == "broken" ? e.Relation?.Id : null;
        var detached = e.Kind == "detaching" ? e.Storage?.Id : null;
        return input with
        {
            Relations = new(input.Relations.Where(r => r.Id != broken && backend.FindRelation(r.Id) is not null).Select(r => ReadRelation(backend, r))),
            Containers = new(input.Containers.Select(c => ReadContainer(runner.Pebble.Simulator(c.Name), c))),
            Storages = new(backend.ListStorage(null).Where(id => id != detached).Select(ReadStorage)),
            Secrets = new(backend.AllSecrets.Select(s => ReadSecret(s, input))),
            UnitStatus = backend.UnitStatus,
            AppStatus = backend.AppStatus,
            WorkloadVersion = backend.WorkloadVersion,
            OpenedPorts = new(backend.OpenedPorts),
            StoredState = new(unitState.Where(kv => kv.Key != DeferredEvent.QueueKey)),
            Deferred = new(DeferredEvent.ReadQueue(unitState)),
            StatefulSet = runner.Kubernetes.StatefulSets.Get(input.ModelName!, runner.Spec.AppName) is { } document ? new StatefulSetView(document) : null,
        };
    }

    private static RelationBase ReadRelation(MemoryJujuBackend backend, RelationBase relation)
    {
        var memory = backend.FindRelation(relation.Id)!;
        var units = new ValueMap<int, ValueMap<string, string>>(memory.Members.Select(unit => KeyValuePair.Create(
            int.Parse(unit[(unit.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture),
            new ValueMap<string, string>(backend.GetRemoteUnitData(relation.Id, unit)))));
        var local = relation with
        {
            LocalAppData = new(backend.GetLocalAppData(relation.Id)),
            LocalUnitData = new(backend.GetLocalUnitData(relation.Id)),
        };
        return local switch
        {
            RelationState regular => regular with { RemoteAppData = new(backend.GetRemoteAppData(relation.Id)), RemoteUnitsData = units },
            PeerRelationState peer => peer with { PeersData = units },
            _ => local,
        };
    }

    private static ContainerState ReadContainer(PebbleSimulator simulator, ContainerState container)
    {
        List<Layer> layers;
        lock (simulator.Parts.Gate)
        {
            layers = simulator.Parts.Layers.Layers.Select(l =>
            {
                var plan = LayerMapping.ToPebblePlan(l, "");
                return new Layer(l.Label, new PebbleLayer
                {
                    Summary = l.Summary.Length > 0 ? l.Summary : null,
                    Description = l.Description.Length > 0 ? l.Description : null,
                    Services = plan.Services,
                    Checks = plan.Checks,
                    LogTargets = plan.LogTargets,
                });
            }).ToList();
        }

        return container with
        {
            Layers = layers,
            ServiceStatuses = new(simulator.GetServices().Select(s => KeyValuePair.Create(s.Name, new ServiceStatus(s.Current)))),
            // As on input, a check left out is as Pebble starts it (up, no runs yet): a run that touches no check gives the input back.
            Checks = new(simulator.GetChecks()
                .Select(c => KeyValuePair.Create(c.Name, CheckState.From(c)))
                .Where(c => container.Checks.ContainsKey(c.Key) || c.Value != CheckState.Starting)),
            Files = new(Files(simulator, "/")),
        };
    }

    private static IEnumerable<KeyValuePair<string, string>> Files(PebbleSimulator simulator, string directory)
    {
        foreach (var entry in simulator.ListFiles(directory))
        {
            if (entry.Type == "directory")
            {
                foreach (var file in Files(simulator, entry.Path))
                {
                    yield return file;
                }
            }
            else
            {
                yield return KeyValuePair.Create(entry.Path, simulator.ReadTextFile(entry.Path));
            }
        }
    }

    private static StorageState ReadStorage(string id)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return new StorageState(id[..slash]) { Index = int.Parse(id[(slash + 1)..], CultureInfo.InvariantCulture) };
    }

    private static SecretState ReadSecret(MemorySecret secret, CharmState input)
    {
        var latest = new ValueMap<string, string>(secret.Revisions[secret.LatestRevision]);
        var tracked = secret.TrackedRevision is { } revision && secret.Revisions.TryGetValue(revision, out var content)
            ? new ValueMap<string, string>(content)
            : latest;
        return new SecretState(tracked)
        {
            Id = input.Secrets.FirstOrDefault(s => SecretIds.Same(s.Id, secret.Id))?.Id ?? "secret:" + secret.Id,
            LatestContent = latest == tracked ? null : latest,
            Owner = secret.Holder switch
            {
                SecretHolder.LocalApp => SecretOwner.Application,
                SecretHolder.LocalUnit => SecretOwner.Unit,
                _ => null,
            },
            Label = secret.IsOwned ? secret.OwnerLabel : secret.ConsumerLabel,
            Description = secret.Description,
            Expire = secret.Expire,
            Rotate = secret.Rotate,
            RemoteGrants = new(secret.Grants.OrderBy(g => g.RelationId).ThenBy(g => g.Unit, StringComparer.Ordinal)),
        };
    }
}
