using System.Text.Json.Serialization;

namespace Charmarr.Bench.ScalingCharm;

/// <summary>What the charm stores: a payload of the size the grow action asked for, and how many updates it has seen.</summary>
/// <param name="Payload">Filler of the asked size.</param>
/// <param name="Updates">update-status dispatches seen, so that each one writes the state back.</param>
internal sealed record ScalingState(string Payload, long Updates);

/// <summary>The grow action's parameters.</summary>
/// <param name="StateBytes">Bytes of the payload.</param>
/// <param name="Deferred">Ticks to keep deferred.</param>
internal sealed record GrowParams(int StateBytes, int Deferred);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ScalingState))]
[JsonSerializable(typeof(GrowParams))]
internal sealed partial class ScalingJson : JsonSerializerContext;
