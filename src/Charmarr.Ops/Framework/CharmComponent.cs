namespace Charmarr.Ops.Framework;

/// <summary>
/// A reusable part of a charm (a relation interface, a workload manager) that observes events, raises custom events and
/// keeps stored state under its own path, <c>&lt;parent path&gt;/&lt;Type&gt;[&lt;key&gt;]</c>.
/// </summary>
public abstract class CharmComponent : CharmObject
{
    private readonly string path;

    /// <summary>Creates the component.</summary>
    /// <param name="parent">The charm or component that owns it.</param>
    /// <param name="key">Distinguishes several components of one type, e.g. the endpoint name.</param>
    protected CharmComponent(CharmObject parent, string key)
        : base((parent ?? throw new ArgumentNullException(nameof(parent))).Framework)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Parent = parent;
        Key = key;
        path = $"{parent.Path}/{GetType().Name}[{key}]";
    }

    /// <summary>The owner.</summary>
    public CharmObject Parent { get; }

    /// <summary>The key given at creation.</summary>
    public string Key { get; }

    /// <inheritdoc />
    public override string Path => path;
}
