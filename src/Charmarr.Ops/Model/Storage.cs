using System.Globalization;

namespace Charmarr.Ops.Model;

/// <summary>One attached storage instance, e.g. <c>data/0</c>.</summary>
public sealed class Storage
{
    private readonly CharmModel model;
    private StorageDetails? details;

    internal Storage(CharmModel model, string name, int index, StorageDetails? details)
    {
        this.model = model;
        Name = name;
        Index = index;
        this.details = details;
    }

    /// <summary>The storage name.</summary>
    public string Name { get; }

    /// <summary>The instance index.</summary>
    public int Index { get; }

    /// <summary>The storage id, e.g. <c>data/0</c>.</summary>
    public string Id => string.Create(CultureInfo.InvariantCulture, $"{Name}/{Index}");

    /// <summary>Where the instance is attached (asked with <c>storage-get</c> when the event did not say).</summary>
    public string Location => (details ??= model.Backend.GetStorage(Id)).Location;

    /// <summary>The kind: <c>filesystem</c> or <c>block</c>.</summary>
    public string Kind => (details ??= model.Backend.GetStorage(Id)).Kind;

    /// <inheritdoc />
    public override string ToString() => Id;
}

/// <summary>The charm's attached storage, by storage name.</summary>
public sealed class ModelStorage
{
    private readonly CharmModel model;

    internal ModelStorage(CharmModel model)
    {
        this.model = model;
    }

    /// <summary>The attached instances of a storage.</summary>
    /// <param name="name">The storage name.</param>
    /// <returns>The instances.</returns>
    /// <exception cref="KeyNotFoundException">The metadata declares no such storage.</exception>
    public IReadOnlyList<Storage> Get(string name)
    {
        RequireDeclared(name);
        return model.Backend.ListStorage(name).Select(id => Parse(id)).ToList();
    }

    /// <summary>Asks Juju for more instances of a storage (applied when the hook succeeds).</summary>
    /// <param name="name">The storage name.</param>
    /// <param name="count">How many.</param>
    public void Request(string name, int count = 1)
    {
        RequireDeclared(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        model.Backend.AddStorage(name, count);
    }

    internal Storage Parse(string id, StorageDetails? details = null)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !int.TryParse(id[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw new FormatException($"\"{id}\" is not a storage id like data/0");
        }

        return new Storage(model, id[..slash], index, details);
    }

    private void RequireDeclared(string name)
    {
        if (!model.Metadata.Storage.ContainsKey(name))
        {
            throw new KeyNotFoundException($"storage '{name}' is not declared in the charm's metadata (declared: {string.Join(", ", model.Metadata.Storage.Keys)})");
        }
    }
}
