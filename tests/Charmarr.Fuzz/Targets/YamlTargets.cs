using Charmarr.Ops.Metadata;
using Charmarr.Ops.Pebble;

namespace Charmarr.Fuzz.Targets;

/// <summary><see cref="PebbleLayer.Parse"/>: documented <see cref="FormatException"/>. Property: what it reads writes back
/// (<see cref="PebbleLayer.ToYaml"/>) to YAML that reads as an equal layer, and writing that again gives the same text.</summary>
public sealed class PebbleLayerTarget : FuzzTarget
{
    /// <inheritdoc />
    public override string Name => "pebble-layer";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions => [typeof(FormatException)];

    /// <inheritdoc />
    public override IReadOnlyList<string> Seeds { get; } = [SeedFiles.Read("layer-full.yaml"), SeedFiles.Read("layer-written.yaml"), "services: {}\n", "summary: \"\\t tab \\t\"\nservices:\n  a:\n    command: \"x\\u0085y\"\n    override: replace\n"];

    /// <inheritdoc />
    public override IReadOnlyList<string> Dictionary => SeedFiles.Yaml;

    /// <inheritdoc />
    protected override FuzzOutcome Execute(string input)
    {
        var layer = PebbleLayer.Parse(input);
        var yaml = layer.ToYaml();
        PebbleLayer again;
        try
        {
            again = PebbleLayer.Parse(yaml);
        }
        catch (FormatException e)
        {
            return FuzzOutcome.Property($"the layer's own YAML does not read back ({e.Message}):\n{yaml}");
        }

        if (!again.Equals(layer))
        {
            return FuzzOutcome.Property($"the layer read back from its YAML differs:\n{yaml}");
        }

        return again.ToYaml() == yaml ? FuzzOutcome.Accepted : FuzzOutcome.Property($"writing is not idempotent:\n{yaml}\n---\n{again.ToYaml()}");
    }
}

/// <summary><see cref="PebblePlan.Parse"/>: documented <see cref="FormatException"/>.</summary>
public sealed class PebblePlanTarget : FuzzTarget
{
    /// <inheritdoc />
    public override string Name => "pebble-plan";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions => [typeof(FormatException)];

    /// <inheritdoc />
    public override IReadOnlyList<string> Seeds { get; } = [SeedFiles.Read("plan.yaml"), SeedFiles.Read("layer-written.yaml"), "{}\n"];

    /// <inheritdoc />
    public override IReadOnlyList<string> Dictionary => SeedFiles.Yaml;

    /// <inheritdoc />
    protected override FuzzOutcome Execute(string input)
    {
        PebblePlan.Parse(input);
        return FuzzOutcome.Accepted;
    }
}

/// <summary>
/// The charm metadata parsers: <see cref="CharmMetadata.ParseCharmcraft"/> and <see cref="CharmMetadata.ParsePacked"/>
/// with the fuzzed text as metadata.yaml, config.yaml or actions.yaml (the other two golden). Documented:
/// <see cref="CharmMetadataException"/>.
/// </summary>
public sealed class MetadataTarget : FuzzTarget
{
    private static readonly string Metadata = SeedFiles.Read("metadata.yaml");
    private static readonly string Config = SeedFiles.Read("config.yaml");
    private static readonly string Actions = SeedFiles.Read("actions.yaml");

    private readonly string file;

    private MetadataTarget(string file) => this.file = file;

    /// <inheritdoc />
    public override string Name => $"metadata-{file}";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions => [typeof(CharmMetadataException)];

    /// <inheritdoc />
    public override IReadOnlyList<string> Seeds => file switch
    {
        "charmcraft" => [SeedFiles.Read("charmcraft-plex.yaml"), SeedFiles.Read("charmcraft-sample.yaml")],
        "packed" => [Metadata, "name: x\n"],
        "config" => [Config],
        _ => [Actions],
    };

    /// <inheritdoc />
    public override IReadOnlyList<string> Dictionary => SeedFiles.Yaml;

    /// <summary>The four targets.</summary>
    /// <returns>charmcraft.yaml, metadata.yaml, config.yaml, actions.yaml.</returns>
    public static IEnumerable<FuzzTarget> All() => new[] { "charmcraft", "packed", "config", "actions" }.Select(f => new MetadataTarget(f));

    /// <inheritdoc />
    protected override FuzzOutcome Execute(string input)
    {
        _ = file switch
        {
            "charmcraft" => CharmMetadata.ParseCharmcraft(input),
            "packed" => CharmMetadata.ParsePacked(input, Config, Actions),
            "config" => CharmMetadata.ParsePacked(Metadata, input, Actions),
            _ => CharmMetadata.ParsePacked(Metadata, Config, input),
        };
        return FuzzOutcome.Accepted;
    }
}
