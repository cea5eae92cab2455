using System.Text.Json.Serialization;

namespace Charmarr.Ops.SampleCharm;

/// <summary>What the charm remembers between dispatches.</summary>
internal sealed record SampleState(int Installs, string? Dsn);

/// <summary>The greet action's parameters.</summary>
internal sealed record GreetParams(string Name, bool Excited);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(SampleState))]
[JsonSerializable(typeof(GreetParams))]
internal sealed partial class SampleJson : JsonSerializerContext;
