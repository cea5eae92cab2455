using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Charmarr.Ops.Tracing;

/// <summary>
/// Writes spans in the OTLP/JSON encoding (the protobuf JSON mapping of <c>ExportTraceServiceRequest</c>): one
/// <c>ResourceSpans</c> per dispatch with one scope, hex trace and span ids, times as decimal strings of Unix
/// nanoseconds, attributes as <c>{"key", "value": {"stringValue" | "intValue" | "boolValue" | "doubleValue"}}</c>.
/// </summary>
internal static class OtlpJsonWriter
{
    private const long UnixEpochTicks = 621355968000000000;

    /// <summary>One dispatch's spans as a single-line <c>ResourceSpans</c> object.</summary>
    public static string ResourceSpans(IReadOnlyList<KeyValuePair<string, object?>> resource, IReadOnlyList<Activity> spans)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("resource");
            WriteAttributes(writer, resource);
            writer.WriteEndObject();
            writer.WriteStartArray("scopeSpans");
            writer.WriteStartObject();
            writer.WriteStartObject("scope");
            writer.WriteString("name", CharmActivities.SourceName);
            if (CharmActivities.Source.Version is { } version)
            {
                writer.WriteString("version", version);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("spans");
            foreach (var span in spans)
            {
                WriteSpan(writer, span);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteSpan(Utf8JsonWriter writer, Activity span)
    {
        writer.WriteStartObject();
        writer.WriteString("traceId", span.TraceId.ToHexString());
        writer.WriteString("spanId", span.SpanId.ToHexString());
        if (span.ParentSpanId != default)
        {
            writer.WriteString("parentSpanId", span.ParentSpanId.ToHexString());
        }

        writer.WriteString("name", span.DisplayName);
        writer.WriteNumber("kind", span.Kind switch
        {
            ActivityKind.Server => 2,
            ActivityKind.Client => 3,
            ActivityKind.Producer => 4,
            ActivityKind.Consumer => 5,
            _ => 1,
        });
        writer.WriteString("startTimeUnixNano", UnixNanos(span.StartTimeUtc));
        writer.WriteString("endTimeUnixNano", UnixNanos(span.StartTimeUtc + span.Duration));
        WriteAttributes(writer, span.TagObjects.ToList());
        if (span.Events.Any())
        {
            writer.WriteStartArray("events");
            foreach (var e in span.Events)
            {
                writer.WriteStartObject();
                writer.WriteString("timeUnixNano", UnixNanos(e.Timestamp.UtcDateTime));
                writer.WriteString("name", e.Name);
                WriteAttributes(writer, e.Tags.ToList());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteStartObject("status");
        if (span.Status != ActivityStatusCode.Unset)
        {
            writer.WriteNumber("code", span.Status == ActivityStatusCode.Ok ? 1 : 2);
        }

        if (span.StatusDescription is { Length: > 0 } message)
        {
            writer.WriteString("message", message);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteAttributes(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        writer.WriteStartArray("attributes");
        foreach (var (key, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("key", key);
            writer.WriteStartObject("value");
            switch (value)
            {
                case bool b:
                    writer.WriteBoolean("boolValue", b);
                    break;
                case int or long or short or byte or uint:
                    writer.WriteString("intValue", Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                    break;
                case double or float:
                    writer.WriteNumber("doubleValue", Convert.ToDouble(value, CultureInfo.InvariantCulture));
                    break;
                default:
                    writer.WriteString("stringValue", Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string UnixNanos(DateTime utc) =>
        ((utc.Ticks - UnixEpochTicks) * 100).ToString(CultureInfo.InvariantCulture);
}
