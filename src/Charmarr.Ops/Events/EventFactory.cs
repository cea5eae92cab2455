using Charmarr.Ops.Context;
using Charmarr.Ops.Model;

namespace Charmarr.Ops.Events;

/// <summary>Builds the typed event for a Juju event snapshot, checking names against the charm's metadata.</summary>
internal static class EventFactory
{
    private static readonly string[] RelationSuffixes =
        ["-relation-created", "-relation-joined", "-relation-changed", "-relation-departed", "-relation-broken"];

    private static readonly string[] StorageSuffixes = ["-storage-attached", "-storage-detaching"];

    private static readonly string[] WorkloadSuffixes =
        ["-pebble-ready", "-pebble-custom-notice", "-pebble-check-failed", "-pebble-check-recovered"];

    /// <summary>The event, or <see langword="null"/> when the charm does not know it (logged by the caller, never a crash).</summary>
    public static JujuEvent? Create(JujuEventSnapshot snapshot, CharmModel model)
    {
        if (snapshot.Kind == DispatchKind.Action)
        {
            return model.Metadata.Actions.ContainsKey(snapshot.EventName) ? new ActionEvent(snapshot, model) : null;
        }

        var name = snapshot.EventName;
        switch (name)
        {
            case "install": return new InstallEvent(snapshot);
            case "start": return new StartEvent(snapshot);
            case "stop": return new StopEvent(snapshot);
            case "remove": return new RemoveEvent(snapshot);
            case "config-changed": return new ConfigChangedEvent(snapshot);
            case "update-status": return new UpdateStatusEvent(snapshot);
            case "upgrade-charm": return new UpgradeCharmEvent(snapshot);
            case "leader-elected": return new LeaderElectedEvent(snapshot);
            case "leader-settings-changed": return new LeaderSettingsChangedEvent(snapshot);
            case "pre-series-upgrade": return new PreSeriesUpgradeEvent(snapshot);
            case "post-series-upgrade": return new PostSeriesUpgradeEvent(snapshot);
            case "collect-metrics": return new CollectMetricsEvent(snapshot);
            case "secret-changed" or "secret-rotate" or "secret-remove" or "secret-expired":
                return CreateSecretEvent(snapshot, model);
        }

        if (Split(name, RelationSuffixes) is var (endpoint, relationSuffix))
        {
            return CreateRelationEvent(snapshot, model, endpoint, relationSuffix);
        }

        if (Split(name, StorageSuffixes) is var (storageName, storageSuffix))
        {
            return CreateStorageEvent(snapshot, model, storageName, storageSuffix);
        }

        if (Split(name, WorkloadSuffixes) is var (containerName, workloadSuffix))
        {
            return CreateWorkloadEvent(snapshot, model, containerName, workloadSuffix);
        }

        return null;
    }

    private static (string Prefix, string Suffix)? Split(string name, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return (name[..^suffix.Length], suffix);
            }
        }

        return null;
    }

    private static JujuEvent? CreateSecretEvent(JujuEventSnapshot snapshot, CharmModel model)
    {
        if (snapshot.SecretId is not { } id)
        {
            return null;
        }

        var secret = model.Secrets.FromEvent(id, snapshot.SecretLabel);
        return snapshot.EventName switch
        {
            "secret-changed" => new SecretChangedEvent(snapshot, secret),
            "secret-rotate" => new SecretRotateEvent(snapshot, secret),
            "secret-remove" => new SecretRemoveEvent(snapshot, secret),
            _ => new SecretExpiredEvent(snapshot, secret),
        };
    }

    private static JujuEvent? CreateRelationEvent(JujuEventSnapshot snapshot, CharmModel model, string endpoint, string suffix)
    {
        if (!model.Metadata.Relations.ContainsKey(endpoint) || snapshot.RelationId is not { } id)
        {
            return null;
        }

        var relation = model.Relations.Get(endpoint, id);
        return suffix switch
        {
            "-relation-created" => new RelationCreatedEvent(snapshot, relation),
            "-relation-joined" => new RelationJoinedEvent(snapshot, relation),
            "-relation-changed" => new RelationChangedEvent(snapshot, relation),
            "-relation-departed" => new RelationDepartedEvent(snapshot, relation),
            _ => new RelationBrokenEvent(snapshot, relation),
        };
    }

    private static JujuEvent? CreateStorageEvent(JujuEventSnapshot snapshot, CharmModel model, string storageName, string suffix)
    {
        if (!model.Metadata.Storage.ContainsKey(storageName) || snapshot.StorageId is not { } id)
        {
            return null;
        }

        var details = snapshot.StorageLocation is { } location ? new StorageDetails(snapshot.StorageKind ?? "filesystem", location) : null;
        var storage = model.Storages.Parse(id, details);
        return suffix == "-storage-attached"
            ? new StorageAttachedEvent(snapshot, storage)
            : new StorageDetachingEvent(snapshot, storage);
    }

    private static JujuEvent? CreateWorkloadEvent(JujuEventSnapshot snapshot, CharmModel model, string containerName, string suffix)
    {
        if (!model.Metadata.Containers.ContainsKey(containerName))
        {
            return null;
        }

        var container = model.Unit.GetContainer(containerName);
        return suffix switch
        {
            "-pebble-ready" => new PebbleReadyEvent(snapshot, container),
            "-pebble-custom-notice" => new PebbleCustomNoticeEvent(snapshot, container),
            "-pebble-check-failed" => new PebbleCheckFailedEvent(snapshot, container),
            _ => new PebbleCheckRecoveredEvent(snapshot, container),
        };
    }
}
