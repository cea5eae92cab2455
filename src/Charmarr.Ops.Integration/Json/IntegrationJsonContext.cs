using System.Text.Json.Serialization;
using Charmarr.Ops.Integration.Config;
using Charmarr.Ops.Integration.Secrets;
using Charmarr.Ops.Integration.Status;
using Charmarr.Ops.Integration.Units;

namespace Charmarr.Ops.Integration.Json;

/// <summary>Source-generated (reflection-free) JSON for every shape the client reads from <c>juju … --format json</c>.</summary>
[JsonSourceGenerationOptions(
    AllowTrailingCommas = false,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    MaxDepth = 64)]
[JsonSerializable(typeof(JujuStatus))]
[JsonSerializable(typeof(Dictionary<string, UnitInfo>))]
[JsonSerializable(typeof(Dictionary<string, SecretInfo>))]
[JsonSerializable(typeof(ApplicationConfig))]
internal sealed partial class IntegrationJsonContext : JsonSerializerContext;
