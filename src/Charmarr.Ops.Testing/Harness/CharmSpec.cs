using Charmarr.Ops.Hosting;
using Charmarr.Ops.Metadata;

namespace Charmarr.Ops.Testing;

/// <summary>The charm under test as both test APIs take it: its metadata, its directory, and its program's configuration.</summary>
internal sealed record CharmSpec(CharmMetadata Metadata, string CharmDir, Action<CharmAppBuilder>? Configure, CharmTestOptions Options)
{
    public string AppName => Options.AppName ?? Metadata.Name;

    public string UnitName => FormattableString.Invariant($"{AppName}/{Options.UnitId}");

    /// <summary>The Juju version the test emulates (<see cref="CharmTestOptions.JujuVersion"/>, parsed).</summary>
    public Context.JujuVersion Juju { get; } = Context.JujuVersion.Parse(Options.JujuVersion);

    /// <summary>Reads <c>charmcraft.yaml</c> (or a packed charm's <c>metadata.yaml</c>) from <paramref name="charmDir"/>.</summary>
    public static CharmSpec FromDirectory(string charmDir, Action<CharmAppBuilder>? configure, CharmTestOptions? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(charmDir);
        var full = Path.GetFullPath(charmDir);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"charm directory {full} does not exist; pass the folder holding the charm's charmcraft.yaml");
        }

        return Create(CharmMetadata.Load(full), full, configure, options);
    }

    /// <summary>Uses <paramref name="metadata"/>; the charm directory is where Juju would put it.</summary>
    public static CharmSpec FromMetadata(CharmMetadata metadata, Action<CharmAppBuilder>? configure, CharmTestOptions? options)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var resolved = options ?? new CharmTestOptions();
        var app = resolved.AppName ?? metadata.Name;
        return Create(metadata, FormattableString.Invariant($"/var/lib/juju/agents/unit-{app}-{resolved.UnitId}/charm"), configure, resolved);
    }

    private static CharmSpec Create(CharmMetadata metadata, string charmDir, Action<CharmAppBuilder>? configure, CharmTestOptions? options)
    {
        var resolved = options ?? new CharmTestOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(resolved.UnitId, nameof(options));
        return new CharmSpec(metadata, charmDir, configure, resolved);
    }
}
