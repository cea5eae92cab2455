using System.Globalization;

namespace Charmarr.Ops.Testing.Scenario;

/// <summary>Turns a state-transition event into the Juju environment it stands for.</summary>
internal static class EventResolver
{
    public static EventRequest ToRequest(Event e, CharmSpec spec)
    {
        if (e is ActionEvent action)
        {
            return EventRequest.Action(action.HookName, action.Id);
        }

        return EventRequest.Hook(e.HookName, snapshot =>
        {
            if (e.Relation is { } relation)
            {
                var remoteApp = relation.RemoteApp(spec.AppName);
                snapshot = snapshot with
                {
                    RelationName = relation.Endpoint,
                    RelationId = relation.Id,
                    RemoteApp = remoteApp,
                    RemoteUnit = Unit(remoteApp, RemoteUnitId(e, relation)),
                    DepartingUnit = Unit(remoteApp, e.DepartingUnitId ?? (e.Kind == "departed" ? RemoteUnitId(e, relation) : null)),
                };
            }

            if (e.Container is { } container)
            {
                snapshot = snapshot with { WorkloadName = container.Name, NoticeKey = e.NoticeKey, NoticeType = e.NoticeKey is null ? null : "custom", CheckName = e.CheckName };
            }

            if (e.Storage is { } storage)
            {
                snapshot = snapshot with
                {
                    StorageId = storage.Id,
                    StorageLocation = StorageLocation(spec, storage),
                    StorageKind = spec.Metadata.Storage.TryGetValue(storage.Name, out var meta) ? meta.Type : "filesystem",
                };
            }

            return e.Secret is { } secret
                ? snapshot with { SecretId = "secret:" + SecretIds.Bare(secret.Id), SecretLabel = secret.Label, SecretRevision = e.SecretRevision }
                : snapshot;
        });
    }

    /// <summary>Where Juju mounts a storage instance: the declared location (with the index for multiple instances), else under the agent's storage dir.</summary>
    public static string StorageLocation(CharmSpec spec, StorageState storage)
    {
        spec.Metadata.Storage.TryGetValue(storage.Name, out var meta);
        var root = meta?.Location ?? $"/var/lib/juju/storage/{storage.Name}";
        return meta?.Multiple is null ? root : string.Create(CultureInfo.InvariantCulture, $"{root}/{storage.Index}");
    }

    /// <summary>The remote unit: the one given, else the only one (joined and departed need one; changed without one is an application-data change).</summary>
    public static int? RemoteUnitId(Event e, RelationBase relation) =>
        e.RemoteUnitId ?? (e.Kind is "joined" or "departed" && relation.RemoteUnits.Count == 1 ? relation.RemoteUnits.Keys.Single() : null);

    private static string? Unit(string app, int? id) => id is { } n ? string.Create(CultureInfo.InvariantCulture, $"{app}/{n}") : null;
}
