using Charmarr.Ops.Metadata;

namespace Charmarr.Ops.Testing;

/// <summary>
/// The hooks on which a handler registered with <c>ObserveReconcile</c> runs: install, start, config-changed,
/// update-status, upgrade-charm, leader-elected, leader-settings-changed, post-series-upgrade, every relation event,
/// storage-attached, every Pebble event and secret-changed (and custom events). It does not run on stop, remove,
/// pre-series-upgrade, storage-detaching, secret-rotate, secret-expired, secret-remove, actions or collect-status.
/// </summary>
public static class ReconcileEvents
{
    private static readonly string[] ContextFree =
    [
        "install", "start", "config-changed", "update-status", "upgrade-charm", "leader-elected", "leader-settings-changed",
        "post-series-upgrade",
    ];

    /// <summary>Every hook Juju can send the charm on which the reconcile handler runs, in a stable order.</summary>
    /// <param name="metadata">The charm's metadata (its endpoints, storage and containers name the hooks).</param>
    /// <returns>The hook names.</returns>
    public static IReadOnlyList<string> HookNames(CharmMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return ContextFree
            .Append("secret-changed")
            .Concat(metadata.Relations.Keys.Order(StringComparer.Ordinal)
                .SelectMany(e => Testing.HookNames.RelationKinds.Select(k => $"{e}-relation-{k}")))
            .Concat(metadata.Storage.Keys.Order(StringComparer.Ordinal).Select(s => $"{s}-storage-attached"))
            .Concat(metadata.Containers.Keys.Order(StringComparer.Ordinal)
                .SelectMany(c => Testing.HookNames.WorkloadKinds.Select(k => $"{c}-{k}")))
            .ToList();
    }

    /// <summary>Whether the reconcile handler runs on a hook.</summary>
    /// <param name="metadata">The charm's metadata.</param>
    /// <param name="hookName">The hook name, e.g. <c>db-relation-changed</c>.</param>
    /// <returns>Whether it runs.</returns>
    public static bool Observes(CharmMetadata metadata, string hookName) => HookNames(metadata).Contains(hookName);
}
