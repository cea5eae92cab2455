namespace Charmarr.Ops.Model;

/// <summary>A Juju secret, as its owner or as a consumer granted access. Content is cached for the dispatch.</summary>
public sealed class Secret
{
    private readonly CharmModel model;
    private IReadOnlyDictionary<string, string>? content;

    internal Secret(CharmModel model, string? id, string? label, IReadOnlyDictionary<string, string>? content)
    {
        this.model = model;
        Id = id;
        Label = label;
        this.content = content;
    }

    /// <summary>The secret URI, when known.</summary>
    public string? Id { get; private set; }

    /// <summary>The label this charm knows it by, if any.</summary>
    public string? Label { get; }

    /// <summary>The content of the tracked revision.</summary>
    /// <param name="refresh">Move to the latest revision and track it.</param>
    /// <returns>The content.</returns>
    public IReadOnlyDictionary<string, string> GetContent(bool refresh = false)
    {
        if (refresh || content is null)
        {
            content = model.Backend.GetSecret(Id, Label, refresh, peek: false);
        }

        return content;
    }

    /// <summary>The content of the latest revision, without tracking it.</summary>
    /// <returns>The content.</returns>
    public IReadOnlyDictionary<string, string> PeekContent() => model.Backend.GetSecret(Id, Label, refresh: false, peek: true);

    /// <summary>The secret's metadata (owner only).</summary>
    /// <returns>The metadata.</returns>
    public SecretInfo GetInfo()
    {
        var info = model.Backend.GetSecretInfo(Id, Id is null ? Label : null);
        Id ??= info.Id.StartsWith("secret:", StringComparison.Ordinal) ? info.Id : $"secret:{info.Id}";
        return info;
    }

    /// <summary>Creates a new revision with this content (owner only).</summary>
    /// <param name="newContent">The content.</param>
    public void SetContent(IReadOnlyDictionary<string, string> newContent)
    {
        ArgumentNullException.ThrowIfNull(newContent);
        model.Backend.SetSecret(RequireId(), newContent, new SecretOptions());
        content = null;
    }

    /// <summary>Changes the metadata (owner only).</summary>
    /// <param name="options">What to change.</param>
    public void SetInfo(SecretOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options == new SecretOptions())
        {
            throw new ArgumentException("give at least one of label, description, expire or rotate", nameof(options));
        }

        model.Backend.SetSecret(RequireId(), null, options);
    }

    /// <summary>Lets the remote application of a relation (or one of its units) read the secret.</summary>
    /// <param name="relation">The relation.</param>
    /// <param name="unit">One remote unit, or <see langword="null"/> for the whole application.</param>
    public void Grant(Relation relation, Unit? unit = null)
    {
        ArgumentNullException.ThrowIfNull(relation);
        model.Backend.GrantSecret(RequireId(), relation.Id, unit?.Name);
    }

    /// <summary>Withdraws a grant.</summary>
    /// <param name="relation">The relation.</param>
    /// <param name="unit">One remote unit, or <see langword="null"/> for the whole application.</param>
    public void Revoke(Relation relation, Unit? unit = null)
    {
        ArgumentNullException.ThrowIfNull(relation);
        model.Backend.RevokeSecret(RequireId(), relation.Id, unit?.Name);
    }

    /// <summary>Removes one revision (owner only).</summary>
    /// <param name="revision">The revision.</param>
    public void RemoveRevision(int revision) => model.Backend.RemoveSecret(RequireId(), revision);

    /// <summary>Removes the secret and every revision (owner only).</summary>
    public void RemoveAllRevisions() => model.Backend.RemoveSecret(RequireId(), null);

    private string RequireId()
    {
        if (Id is null)
        {
            GetInfo();
        }

        return Id!;
    }

    /// <inheritdoc />
    public override string ToString() => Id ?? $"secret labelled '{Label}'";
}

/// <summary>Looks up and creates secrets.</summary>
public sealed class ModelSecrets
{
    private readonly CharmModel model;

    internal ModelSecrets(CharmModel model)
    {
        this.model = model;
    }

    /// <summary>Gets a secret by id and/or label; its content is read at once, so a missing secret fails here.</summary>
    /// <param name="id">The secret URI.</param>
    /// <param name="label">The label; given with an id as a consumer, it names the secret for later look-ups.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="ArgumentException">Neither id nor label is given.</exception>
    /// <exception cref="Backend.SecretNotFoundException">No such secret, or no access to it.</exception>
    public Secret Get(string? id = null, string? label = null)
    {
        if (id is null && label is null)
        {
            throw new ArgumentException("give a secret id, a label, or both");
        }

        var canonical = id is null || id.StartsWith("secret:", StringComparison.Ordinal) ? id : $"secret://{model.Uuid}/{id}";
        var content = model.Backend.GetSecret(canonical, label, refresh: false, peek: false);
        return new Secret(model, canonical, label, content);
    }

    /// <summary>The ids of the secrets this unit or application owns.</summary>
    /// <returns>Bare secret ids.</returns>
    public IReadOnlyList<string> OwnedIds() => model.Backend.GetSecretIds();

    internal Secret Add(IReadOnlyDictionary<string, string> content, SecretOwner owner, SecretOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Count == 0)
        {
            throw new ArgumentException("a secret needs at least one key", nameof(content));
        }

        var id = model.Backend.AddSecret(content, owner, options);
        return new Secret(model, id, options.Label, content);
    }

    internal Secret FromEvent(string id, string? label) => new(model, id, label, null);
}
