using System.Text.Json.Serialization;
using Charmarr.Ops.FakeJuju.Model;

namespace Charmarr.Ops.FakeJuju.Persistence;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(FakeModel))]
[JsonSerializable(typeof(PendingChanges))]
[JsonSerializable(typeof(ToolCall))]
internal sealed partial class FakeJujuJsonContext : JsonSerializerContext;
