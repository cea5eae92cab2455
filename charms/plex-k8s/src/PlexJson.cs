using System.Text.Json.Serialization;
using Charmarr.PlexK8s.Claim;

namespace Charmarr.PlexK8s;

/// <summary>Source-generated JSON for the charm's action parameters (no reflection, for Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ClaimServerParams))]
internal sealed partial class PlexJson : JsonSerializerContext;
