namespace Charmarr.Ops.Metadata;

/// <summary>What a charm declares about itself: endpoints, containers, storage, resources, config and actions.</summary>
public sealed record CharmMetadata
{
    /// <summary>The charm name.</summary>
    public required string Name { get; init; }

    /// <summary>A one-line summary.</summary>
    public string Summary { get; init; } = "";

    /// <summary>The long description.</summary>
    public string Description { get; init; } = "";

    /// <summary>Every relation endpoint (requires, provides and peers) by name.</summary>
    public IReadOnlyDictionary<string, RelationMeta> Relations { get; init; } = new Dictionary<string, RelationMeta>();

    /// <summary>Workload containers by name.</summary>
    public IReadOnlyDictionary<string, ContainerMeta> Containers { get; init; } = new Dictionary<string, ContainerMeta>();

    /// <summary>Storage by name.</summary>
    public IReadOnlyDictionary<string, StorageMeta> Storage { get; init; } = new Dictionary<string, StorageMeta>();

    /// <summary>Resources by name.</summary>
    public IReadOnlyDictionary<string, ResourceMeta> Resources { get; init; } = new Dictionary<string, ResourceMeta>();

    /// <summary>Config options by name.</summary>
    public IReadOnlyDictionary<string, ConfigOptionMeta> Config { get; init; } = new Dictionary<string, ConfigOptionMeta>();

    /// <summary>Actions by name.</summary>
    public IReadOnlyDictionary<string, ActionMeta> Actions { get; init; } = new Dictionary<string, ActionMeta>();

    /// <summary>Extra bindings (network spaces that are not endpoints).</summary>
    public IReadOnlyList<string> ExtraBindings { get; init; } = [];

    /// <summary>Reads the metadata from a charm directory: a packed charm's <c>metadata.yaml</c> (with <c>config.yaml</c> and
    /// <c>actions.yaml</c>) when present, else the charm source's <c>charmcraft.yaml</c>.</summary>
    /// <param name="charmDir">The charm directory.</param>
    /// <returns>The metadata.</returns>
    /// <exception cref="CharmMetadataException">A file is missing or wrong; the message names the file and line.</exception>
    public static CharmMetadata Load(string charmDir) => CharmMetadataLoader.Load(charmDir);

    /// <summary>Parses a <c>charmcraft.yaml</c>.</summary>
    /// <param name="yaml">The file's text.</param>
    /// <param name="fileName">The name used in error messages.</param>
    /// <returns>The metadata.</returns>
    /// <exception cref="CharmMetadataException">The text is not valid; the message names the line.</exception>
    public static CharmMetadata ParseCharmcraft(string yaml, string fileName = "charmcraft.yaml") =>
        CharmMetadataLoader.ParseCharmcraft(yaml, fileName);

    /// <summary>Parses the files a packed charm carries.</summary>
    /// <param name="metadataYaml">The text of <c>metadata.yaml</c>.</param>
    /// <param name="configYaml">The text of <c>config.yaml</c>, if any.</param>
    /// <param name="actionsYaml">The text of <c>actions.yaml</c>, if any.</param>
    /// <returns>The metadata.</returns>
    /// <exception cref="CharmMetadataException">A text is not valid; the message names the file and line.</exception>
    public static CharmMetadata ParsePacked(string metadataYaml, string? configYaml = null, string? actionsYaml = null) =>
        CharmMetadataLoader.ParsePacked(metadataYaml, configYaml, actionsYaml);
}
