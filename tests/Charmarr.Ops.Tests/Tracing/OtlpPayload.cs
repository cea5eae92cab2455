using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Tests.Tracing;

/// <summary>One span of an OTLP/JSON request, read back.</summary>
internal sealed record OtlpSpan(string TraceId, string SpanId, string? ParentSpanId, string Name, JsonObject Json)
{
    public JsonNode? Attribute(string key) =>
        Json["attributes"]!.AsArray().FirstOrDefault(a => (string?)a!["key"] == key)?["value"];

    public string? StringAttribute(string key) => (string?)Attribute(key)?["stringValue"];
}

/// <summary>Reads an OTLP/HTTP JSON request body, checking the encoding's shape as it goes (the golden shape).</summary>
internal static class OtlpPayload
{
    public static IReadOnlyList<JsonObject> ResourceSpans(byte[] payload)
    {
        var root = JsonNode.Parse(Encoding.UTF8.GetString(payload))!.AsObject();
        Assert.Equal(["resourceSpans"], root.Select(p => p.Key));
        return root["resourceSpans"]!.AsArray().Select(r => r!.AsObject()).ToList();
    }

    public static IReadOnlyList<OtlpSpan> Spans(JsonObject resourceSpans)
    {
        Assert.Equal(["resource", "scopeSpans"], resourceSpans.Select(p => p.Key));
        CheckAttributes(resourceSpans["resource"]!["attributes"]!.AsArray());
        var scope = Assert.Single(resourceSpans["scopeSpans"]!.AsArray())!;
        Assert.Equal("Charmarr.Ops", (string?)scope["scope"]!["name"]);
        var spans = new List<OtlpSpan>();
        foreach (var node in scope["spans"]!.AsArray())
        {
            var span = node!.AsObject();
            var traceId = (string)span["traceId"]!;
            var spanId = (string)span["spanId"]!;
            Assert.Matches("^[0-9a-f]{32}$", traceId);
            Assert.Matches("^[0-9a-f]{16}$", spanId);
            var parent = (string?)span["parentSpanId"];
            if (parent is not null)
            {
                Assert.Matches("^[0-9a-f]{16}$", parent);
            }

            var start = ulong.Parse((string)span["startTimeUnixNano"]!, NumberStyles.None, CultureInfo.InvariantCulture);
            var end = ulong.Parse((string)span["endTimeUnixNano"]!, NumberStyles.None, CultureInfo.InvariantCulture);
            Assert.True(end >= start, "a span ends after it starts");
            Assert.InRange((int)span["kind"]!, 1, 5);
            Assert.IsType<JsonObject>(span["status"]);
            CheckAttributes(span["attributes"]!.AsArray());
            spans.Add(new OtlpSpan(traceId, spanId, parent, (string)span["name"]!, span));
        }

        return spans;
    }

    public static IReadOnlyList<OtlpSpan> SingleDispatch(byte[] payload) => Spans(Assert.Single(ResourceSpans(payload)));

    public static OtlpSpan Root(IReadOnlyList<OtlpSpan> spans) => Assert.Single(spans, s => s.ParentSpanId is null);

    public static IReadOnlyList<OtlpSpan> Children(IReadOnlyList<OtlpSpan> spans, OtlpSpan parent) =>
        spans.Where(s => s.ParentSpanId == parent.SpanId).ToList();

    private static void CheckAttributes(JsonArray attributes)
    {
        foreach (var attribute in attributes)
        {
            Assert.Equal(["key", "value"], attribute!.AsObject().Select(p => p.Key));
            var value = Assert.Single(attribute["value"]!.AsObject());
            Assert.Contains(value.Key, new[] { "stringValue", "intValue", "boolValue", "doubleValue" });
            if (value.Key == "intValue")
            {
                Assert.Matches("^-?[0-9]+$", (string)value.Value!);
            }
        }
    }
}
