using System.Text.Json.Serialization;

namespace Charmarr.Cli;

/// <summary>The tool's JSON types, source-generated (no reflection-based serialisation).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class CliJson : JsonSerializerContext;
