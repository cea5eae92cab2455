using Charmarr.Ops.Metadata;

namespace Charmarr.Ops.Testing;

/// <summary>The hooks Juju can send a charm, by name, so a misspelt or context-less dispatch fails loudly.</summary>
internal static class HookNames
{
    /// <summary>Hooks that carry no context beyond the unit's (a bare name is the whole event).</summary>
    public static readonly IReadOnlyList<string> ContextFree =
    [
        "install", "start", "stop", "remove", "upgrade-charm", "update-status", "config-changed", "leader-elected",
        "leader-settings-changed", "pre-series-upgrade", "post-series-upgrade",
    ];

    internal static readonly string[] RelationKinds = ["created", "joined", "changed", "departed", "broken"];
    private static readonly string[] StorageKinds = ["attached", "detaching"];
    internal static readonly string[] WorkloadKinds = ["pebble-ready", "pebble-custom-notice", "pebble-check-failed", "pebble-check-recovered"];
    private static readonly string[] SecretHooks = ["secret-changed", "secret-rotate", "secret-expired", "secret-remove"];

    /// <summary>Throws unless <paramref name="hookName"/> is a context-free hook; says what to use for the others.</summary>
    public static void CheckContextFree(CharmMetadata metadata, string hookName)
    {
        ArgumentException.ThrowIfNullOrEmpty(hookName);
        if (ContextFree.Contains(hookName))
        {
            return;
        }

        var helper = ContextHelper(metadata, hookName);
        throw new ArgumentException(
            helper is not null
                ? $"\"{hookName}\" needs its context (Juju sets it with the hook): use {helper}, which sets it"
                : $"Juju sends no hook \"{hookName}\" to {metadata.Name}{Suggestion(metadata, hookName)}",
            nameof(hookName));
    }

    private static string? ContextHelper(CharmMetadata metadata, string hookName)
    {
        foreach (var endpoint in metadata.Relations.Keys)
        {
            if (RelationKinds.FirstOrDefault(k => hookName == $"{endpoint}-relation-{k}") is { } kind)
            {
                return $"the relation members (AddRelation, AddRelationUnit, RelationChanged, RemoveRelationUnit, RemoveRelation) for relation-{kind}";
            }
        }

        foreach (var storage in metadata.Storage.Keys)
        {
            if (StorageKinds.Any(k => hookName == $"{storage}-storage-{k}"))
            {
                return "AddStorage or DetachStorage";
            }
        }

        foreach (var container in metadata.Containers.Keys)
        {
            if (WorkloadKinds.FirstOrDefault(k => hookName == $"{container}-{k}") is { } kind)
            {
                return kind switch
                {
                    "pebble-ready" => "ContainerPebbleReady",
                    "pebble-custom-notice" => "PebbleNotify",
                    "pebble-check-failed" => "PebbleCheckFailed",
                    _ => "PebbleCheckRecovered",
                };
            }
        }

        return SecretHooks.Contains(hookName) ? "the secret members (SetRemoteSecretContent, TriggerSecretRotation/Expiration/Removal)" : null;
    }

    private static string Suggestion(CharmMetadata metadata, string hookName)
    {
        var known = AllNames(metadata).ToList();
        var closest = known.Select(k => (Name: k, Distance: Distance(k, hookName))).OrderBy(k => k.Distance).FirstOrDefault();
        return closest.Name is not null && closest.Distance <= Math.Max(2, hookName.Length / 4)
            ? $" (did you mean \"{closest.Name}\"?)"
            : $" (context-free hooks: {string.Join(", ", ContextFree)})";
    }

    private static IEnumerable<string> AllNames(CharmMetadata metadata) =>
        ContextFree
            .Concat(SecretHooks)
            .Concat(metadata.Relations.Keys.SelectMany(e => RelationKinds.Select(k => $"{e}-relation-{k}")))
            .Concat(metadata.Storage.Keys.SelectMany(s => StorageKinds.Select(k => $"{s}-storage-{k}")))
            .Concat(metadata.Containers.Keys.SelectMany(c => WorkloadKinds.Select(k => $"{c}-{k}")));

    /// <summary>Levenshtein distance, for the "did you mean" hint.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
