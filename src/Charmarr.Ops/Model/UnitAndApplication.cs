using System.Globalization;

namespace Charmarr.Ops.Model;

/// <summary>An application by name: this charm's own or a related one.</summary>
/// <param name="Name">The application name.</param>
public sealed record Application(string Name)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>A unit by name, e.g. <c>postgresql/2</c>.</summary>
/// <param name="Name">The unit name.</param>
public sealed record Unit(string Name)
{
    /// <summary>The unit's application name: the part before the <c>/</c>.</summary>
    public string AppName => Name.Split('/')[0];

    /// <summary>The unit's application.</summary>
    public Application App => new(AppName);

    /// <summary>The unit number: the part after the <c>/</c>.</summary>
    public int Number => int.Parse(Name[(Name.IndexOf('/', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => Name;
}
