using System.Text.Json.Serialization;

namespace Charmarr.Ops.AotSmoke;

/// <summary>What the smoke charm stores between dispatches.</summary>
internal sealed record SmokeState(int Reconciles);

/// <summary>The echo action's parameters.</summary>
internal sealed record EchoParams(string Text, int? Times);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(SmokeState))]
[JsonSerializable(typeof(EchoParams))]
internal sealed partial class SmokeJson : JsonSerializerContext;
