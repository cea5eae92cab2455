using System.Text.Json.Nodes;
using Charmarr.Ops.Metadata;

namespace Charmarr.Cli.Packing;

/// <summary>What <c>charmarr pack</c> reads from a charm's <c>charmcraft.yaml</c>.</summary>
/// <param name="Metadata">The typed metadata, as the framework reads it at run time.</param>
/// <param name="Title">The display title, if any.</param>
/// <param name="Bases">Every base the charm is built for (from <c>platforms</c> + <c>base</c>, or legacy <c>bases</c>).</param>
/// <param name="ExtraMetadata">Other metadata.yaml keys (<c>assumes</c>, <c>subordinate</c>, <c>links</c>, …), passed through in file order.</param>
/// <param name="Actions">Each action's schema as written (parameter schemas are JSON Schema and pass through whole).</param>
internal sealed record CharmcraftProject(
    CharmMetadata Metadata,
    string? Title,
    IReadOnlyList<CharmBase> Bases,
    IReadOnlyList<KeyValuePair<string, JsonNode?>> ExtraMetadata,
    IReadOnlyList<KeyValuePair<string, JsonObject>> Actions);
