using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Tests.Kubernetes;

internal static class JsonAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>JSON-semantic equality (member order ignored, list order kept), showing both documents when they differ.</summary>
    public static void Equal(JsonNode? expected, JsonNode? actual)
    {
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Fail($"JSON differs.\nExpected:\n{expected?.ToJsonString(Indented)}\nActual:\n{actual?.ToJsonString(Indented)}");
        }
    }

    public static void Equal(string expected, JsonNode? actual) => Equal(JsonNode.Parse(expected), actual);
}
