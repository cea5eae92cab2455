using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Scenario;

/// <summary>The application's StatefulSet as the Kubernetes API holds it; equal to another with the same JSON.</summary>
/// <param name="Document">The object, as JSON.</param>
public sealed record StatefulSet(JsonObject Document)
{
    /// <inheritdoc />
    public bool Equals(StatefulSet? other) => other is not null && JsonNode.DeepEquals(Document, other.Document);

    /// <inheritdoc />
    public override int GetHashCode() => Document.ToJsonString().GetHashCode(StringComparison.Ordinal);
}
