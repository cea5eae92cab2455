using Charmarr.Ops.Model;

namespace Charmarr.Ops.Testing.Juju;

/// <summary>Who holds a secret, from this unit's point of view.</summary>
internal enum SecretHolder
{
    /// <summary>This application owns it; the leader manages it.</summary>
    LocalApp,

    /// <summary>This unit owns it.</summary>
    LocalUnit,

    /// <summary>Another application owns it and may have granted this one access.</summary>
    Remote,
}

/// <summary>One secret in the in-memory model: its revisions, the owner's metadata and the consumer's view.</summary>
internal sealed class MemorySecret
{
    public MemorySecret(string id, SecretHolder holder, IReadOnlyDictionary<string, string> content)
    {
        Id = id;
        Holder = holder;
        AddRevision(content);
    }

    private MemorySecret(MemorySecret other)
    {
        Id = other.Id;
        Holder = other.Holder;
        foreach (var (revision, content) in other.Revisions)
        {
            Revisions[revision] = content;
        }

        LatestRevision = other.LatestRevision;
        OwnerLabel = other.OwnerLabel;
        Description = other.Description;
        Expire = other.Expire;
        Rotate = other.Rotate;
        ConsumerLabel = other.ConsumerLabel;
        TrackedRevision = other.TrackedRevision;
        Granted = other.Granted;
        Grants.UnionWith(other.Grants);
    }

    /// <summary>The bare id (no <c>secret:</c> prefix).</summary>
    public string Id { get; }

    public SecretHolder Holder { get; }

    /// <summary>Content by revision; revisions are never changed, only added or removed.</summary>
    public SortedDictionary<int, IReadOnlyDictionary<string, string>> Revisions { get; } = [];

    public int LatestRevision { get; private set; }

    public string? OwnerLabel { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset? Expire { get; set; }

    public SecretRotatePolicy? Rotate { get; set; }

    /// <summary>The label this unit gave a secret it consumes.</summary>
    public string? ConsumerLabel { get; set; }

    /// <summary>The revision this unit, as a consumer, tracks; <see langword="null"/> before its first read.</summary>
    public int? TrackedRevision { get; set; }

    /// <summary>For a remote secret: whether its owner lets this application read it.</summary>
    public bool Granted { get; set; } = true;

    /// <summary>For an owned secret: who it has been granted to.</summary>
    public HashSet<SecretGrant> Grants { get; } = [];

    public bool IsOwned => Holder != SecretHolder.Remote;

    public void AddRevision(IReadOnlyDictionary<string, string> content)
    {
        LatestRevision++;
        Revisions[LatestRevision] = new Dictionary<string, string>(content, StringComparer.Ordinal);
    }

    public MemorySecret Clone() => new(this);
}
