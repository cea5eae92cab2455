using System.Text.Json.Serialization;

namespace Charmarr.Ops.Testing.Tests.Json;

/// <summary>Source-generated JSON for test request bodies.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class TestJson : JsonSerializerContext;
