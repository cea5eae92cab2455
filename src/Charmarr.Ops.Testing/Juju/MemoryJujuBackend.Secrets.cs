using System.Globalization;
using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;

namespace Charmarr.Ops.Testing.Juju;

public sealed partial class MemoryJujuBackend
{
    private Dictionary<string, MemorySecret> secrets = new(StringComparer.Ordinal);
    private int secretCounter;

    /// <summary>Adds a secret another application owns and has granted this application access to (revision 1).</summary>
    /// <param name="content">The content.</param>
    /// <returns>The secret's URI, <c>secret:&lt;id&gt;</c>.</returns>
    public string AddRemoteSecret(IReadOnlyDictionary<string, string> content)
    {
        JujuArgumentRules.CheckSecretContent(content);
        return Store(new MemorySecret(NewSecretId(), SecretHolder.Remote, content));
    }

    /// <summary>The remote owner adds a revision of a secret this application consumes.</summary>
    /// <param name="id">The secret URI or id.</param>
    /// <param name="content">The new content.</param>
    public void SetRemoteSecretContent(string id, IReadOnlyDictionary<string, string> content)
    {
        JujuArgumentRules.CheckSecretContent(content);
        RemoteSecret(id).AddRevision(content);
    }

    /// <summary>The remote owner (again) lets this application read a secret.</summary>
    /// <param name="id">The secret URI or id.</param>
    public void GrantRemoteSecret(string id) => RemoteSecret(id).Granted = true;

    /// <summary>The remote owner withdraws this application's access to a secret.</summary>
    /// <param name="id">The secret URI or id.</param>
    public void RevokeRemoteSecret(string id) => RemoteSecret(id).Granted = false;

    /// <summary>The content of one revision of any secret in the model, with no access check (test read-back).</summary>
    /// <param name="id">The secret URI or id.</param>
    /// <param name="revision">The revision, or <see langword="null"/> for the latest.</param>
    /// <returns>The content.</returns>
    public IReadOnlyDictionary<string, string> GetSecretContent(string id, int? revision = null)
    {
        var secret = ExistingSecret(id);
        return secret.Revisions.TryGetValue(revision ?? secret.LatestRevision, out var content)
            ? content
            : throw new KeyNotFoundException($"secret {id} has no revision {revision}");
    }

    /// <summary>The revisions a secret still has, ascending.</summary>
    /// <param name="id">The secret URI or id.</param>
    /// <returns>The revision numbers.</returns>
    public IReadOnlyList<int> GetSecretRevisions(string id) => ExistingSecret(id).Revisions.Keys.ToList();

    /// <summary>Who an owned secret has been granted to.</summary>
    /// <param name="id">The secret URI or id.</param>
    /// <returns>The grants.</returns>
    public IReadOnlyCollection<SecretGrant> GetSecretGrants(string id) => ExistingSecret(id).Grants.ToList();

    /// <summary>Whether a secret (still) exists in the model.</summary>
    /// <param name="id">The secret URI or id.</param>
    /// <returns><see langword="true"/> when it exists.</returns>
    public bool HasSecret(string id) => secrets.ContainsKey(BareSecretId(id));

    /// <inheritdoc />
    public string AddSecret(IReadOnlyDictionary<string, string> content, SecretOwner owner, SecretOptions options)
    {
        const string tool = "secret-add";
        ArgumentNullException.ThrowIfNull(options);
        JujuArgumentRules.CheckSecretContent(content);
        var holder = owner switch
        {
            SecretOwner.Application => SecretHolder.LocalApp,
            SecretOwner.Unit => SecretHolder.LocalUnit,
            _ => throw new ArgumentOutOfRangeException(nameof(owner), owner, "unknown secret owner"),
        };
        if (holder == SecretHolder.LocalApp && !Leader)
        {
            throw Fail(tool, 1, "this unit is not the leader");
        }

        var secret = new MemorySecret(NewSecretId(), holder, content);
        ApplyOptions(tool, secret, options);
        return Store(secret);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> GetSecret(string? id, string? label, bool refresh, bool peek)
    {
        const string tool = "secret-get";
        JujuArgumentRules.CheckSecretGet(id, label, refresh, peek);
        var secret = Lookup(tool, id, label);
        if (secret.IsOwned)
        {
            // The owner always reads the latest revision.
            return secret.Revisions[secret.LatestRevision];
        }

        if (!secret.Granted)
        {
            throw Fail(tool, 1, "permission denied");
        }

        if (!string.IsNullOrEmpty(id) && !string.IsNullOrEmpty(label))
        {
            secret.ConsumerLabel = label;
        }

        if (peek)
        {
            return secret.Revisions[secret.LatestRevision];
        }

        if (refresh || secret.TrackedRevision is null || !secret.Revisions.ContainsKey(secret.TrackedRevision.Value))
        {
            secret.TrackedRevision = secret.LatestRevision;
        }

        return secret.Revisions[secret.TrackedRevision.Value];
    }

    /// <inheritdoc />
    public SecretInfo GetSecretInfo(string? id, string? label)
    {
        const string tool = "secret-info-get";
        if (string.IsNullOrEmpty(id) && string.IsNullOrEmpty(label))
        {
            throw new ArgumentException("secret-info-get needs a secret id or a label", nameof(id));
        }

        var secret = Lookup(tool, id, label);
        if (!secret.IsOwned)
        {
            throw Fail(tool, 1, $"secret \"{secret.Id}\" not found");
        }

        return new SecretInfo(
            secret.Id,
            secret.OwnerLabel ?? string.Empty,
            secret.LatestRevision,
            secret.Holder == SecretHolder.LocalApp ? SecretOwner.Application : SecretOwner.Unit,
            secret.Description,
            secret.Rotate,
            secret.Expire);
    }

    /// <inheritdoc />
    public void SetSecret(string id, IReadOnlyDictionary<string, string>? content, SecretOptions options)
    {
        const string tool = "secret-set";
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(options);
        if (content is not null)
        {
            JujuArgumentRules.CheckSecretContent(content);
        }

        var secret = Managed(tool, id);
        ApplyOptions(tool, secret, options);
        if (content is not null)
        {
            secret.AddRevision(content);
        }
    }

    /// <inheritdoc />
    public void RemoveSecret(string id, int? revision)
    {
        const string tool = "secret-remove";
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (revision is { } rev)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(rev, 1, nameof(revision));
        }

        var secret = Managed(tool, id);
        if (revision is { } only && !secret.Revisions.Remove(only))
        {
            throw Fail(tool, 1, string.Create(CultureInfo.InvariantCulture, $"secret revision {only} for \"{secret.Id}\" not found"));
        }

        if (revision is null || secret.Revisions.Count == 0)
        {
            secrets.Remove(secret.Id);
        }
    }

    /// <inheritdoc />
    public void GrantSecret(string id, int relationId, string? unit)
    {
        const string tool = "secret-grant";
        var (secret, grant) = GrantTarget(tool, id, relationId, unit);
        if (unit is null && secret.Grants.Any(g => g.RelationId == relationId && g.Unit is not null))
        {
            throw Fail(tool, 1, "any unit level grants need to be revoked before granting access to the corresponding application");
        }

        secret.Grants.Add(grant);
    }

    /// <inheritdoc />
    public void RevokeSecret(string id, int relationId, string? unit)
    {
        var (secret, grant) = GrantTarget("secret-revoke", id, relationId, unit);
        secret.Grants.RemoveWhere(g => g == grant || (unit is null && g.RelationId == relationId));
    }

    /// <inheritdoc />
    public IReadOnlyList<string> GetSecretIds() =>
        secrets.Values
            .Where(s => s.Holder == SecretHolder.LocalUnit || (s.Holder == SecretHolder.LocalApp && Leader))
            .Select(s => s.Id)
            .ToList();

    /// <summary>Every secret in the model (test read-back and state transfer).</summary>
    internal IEnumerable<MemorySecret> AllSecrets => secrets.Values;

    /// <summary>The secret with this URI or id, if it exists.</summary>
    internal MemorySecret? FindSecret(string id) => secrets.GetValueOrDefault(BareSecretId(id));

    /// <summary>Puts a secret built elsewhere (the state-transition API's input) into the model.</summary>
    internal void PutSecret(MemorySecret secret) => Store(secret);

    private (MemorySecret Secret, SecretGrant Grant) GrantTarget(string tool, string id, int relationId, string? unit)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentOutOfRangeException.ThrowIfNegative(relationId);
        if (unit is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(unit);
        }

        var secret = Managed(tool, id);
        if (!relations.TryGetValue(relationId, out var relation))
        {
            throw Fail(tool, 2, string.Create(CultureInfo.InvariantCulture, $"invalid value \"{relationId}\" for flag -r: relation not found"));
        }

        if (unit is not null && !unit.StartsWith(relation.RemoteApp + "/", StringComparison.Ordinal))
        {
            throw Fail(tool, 2, $"cannot specify unit \"{unit}\" in relation to application \"{relation.RemoteApp}\"");
        }

        return (secret, new SecretGrant(relationId, unit));
    }

    /// <summary>A secret this unit may manage: owned by it, or by its application when it leads.</summary>
    private MemorySecret Managed(string tool, string id)
    {
        var secret = Lookup(tool, id, null);
        return secret.Holder switch
        {
            SecretHolder.Remote => throw Fail(tool, 1, "permission denied"),
            SecretHolder.LocalApp when !Leader => throw Fail(tool, 1, "this unit is not the leader"),
            _ => secret,
        };
    }

    private MemorySecret Lookup(string tool, string? id, string? label)
    {
        if (!string.IsNullOrEmpty(id))
        {
            var bare = BareSecretId(id);
            return secrets.TryGetValue(bare, out var byId) ? byId : throw Fail(tool, 1, $"secret \"{bare}\" not found");
        }

        return secrets.Values.FirstOrDefault(s => (s.IsOwned ? s.OwnerLabel : s.ConsumerLabel) == label)
            ?? throw Fail(tool, 1, $"secret with label \"{label}\" not found");
    }

    private void ApplyOptions(string tool, MemorySecret secret, SecretOptions options)
    {
        if (options.Label is { } label)
        {
            if (secrets.Values.Any(s => s.IsOwned && s.Id != secret.Id && s.OwnerLabel == label))
            {
                throw Fail(tool, 1, $"secret with label \"{label}\" already exists");
            }

            secret.OwnerLabel = label;
        }

        secret.Description = options.Description ?? secret.Description;
        secret.Expire = options.Expire ?? secret.Expire;
        secret.Rotate = options.Rotate ?? secret.Rotate;
    }

    private MemorySecret RemoteSecret(string id)
    {
        var secret = ExistingSecret(id);
        return secret.Holder == SecretHolder.Remote
            ? secret
            : throw new InvalidOperationException($"secret {id} is owned by this unit or application, not by a remote one");
    }

    private MemorySecret ExistingSecret(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return secrets.TryGetValue(BareSecretId(id), out var secret)
            ? secret
            : throw new KeyNotFoundException($"secret {id} does not exist in the model");
    }

    private string Store(MemorySecret secret)
    {
        secrets[secret.Id] = secret;
        return "secret:" + secret.Id;
    }

    // Juju 3.x ids are 20-character xids; Juju 4 ids are opaque, so the 4.x model hands out ids of another shape and
    // length to prove nothing in the SDK assumes the xid form.
    private string NewSecretId() => JujuVersion.HasOpaqueSecretIds
        ? string.Create(CultureInfo.InvariantCulture, $"opaque-{ModelUuid[..8]}-{++secretCounter}")
        : string.Create(CultureInfo.InvariantCulture, $"cmemory{++secretCounter:D13}");

    /// <summary>The bare id of <c>secret:ID</c>, <c>secret://model-uuid/ID</c> or <c>ID</c>.</summary>
    private static string BareSecretId(string id)
    {
        var rest = id.StartsWith("secret:", StringComparison.Ordinal) ? id["secret:".Length..] : id;
        return rest[(rest.LastIndexOf('/') + 1)..];
    }
}
