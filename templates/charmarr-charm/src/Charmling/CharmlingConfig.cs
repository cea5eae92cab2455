using System.Text.Json.Serialization;
using Charmarr.Ops.Model;

namespace Charmling;

/// <summary>The charm's config (charmcraft.yaml <c>config.options</c>) as Juju gives it to this event.</summary>
internal sealed record CharmlingConfig(long Port)
{
    public static CharmlingConfig From(CharmConfig config) => new(config.GetInt("port") ?? 8080);

    /// <summary>What the operator has to fix, or <see langword="null"/> when the config is usable.</summary>
    public string? Problem => Port is < 1024 or > 65535
        ? $"port {Port} is out of range; run: juju config charmling port=<1024-65535>"
        : null;
}

/// <summary>The restart action's parameters.</summary>
internal sealed record RestartParams(string? Reason);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower)]
[JsonSerializable(typeof(RestartParams))]
internal sealed partial class CharmlingJson : JsonSerializerContext;
