using System.Buffers;
using System.Text.Json;

namespace Charmarr.Ops.Tracing;

/// <summary>
/// The tracing destination as the charm last saw it in its tracing relation, kept in <c>destination.json</c>
/// (<c>{"url": …, "ca": …}</c>, mode 0600) so a dispatch learns it from one file read, with no hook tool.
/// </summary>
internal static class DestinationFile
{
    public const string FileName = "destination.json";

    public static TracingDestination? Read(string directory)
    {
        var text = PrivateFile.ReadOrNull(Path.Combine(directory, FileName));
        if (text is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String
                || !Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return null;
            }

            var ca = root.TryGetProperty("ca", out var caElement) && caElement.ValueKind == JsonValueKind.String ? caElement.GetString() : null;
            return new TracingDestination(uri, ca);
        }
        catch (JsonException)
        {
            // A damaged file reads as no destination; the next relation event writes it anew.
            return null;
        }
    }

    public static void Write(string directory, TracingDestination destination)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("url", destination.Url.AbsoluteUri);
            if (destination.CaCertificate is { } ca)
            {
                writer.WriteString("ca", ca);
            }

            writer.WriteEndObject();
        }

        PrivateFile.Write(Path.Combine(directory, FileName), buffer.WrittenSpan);
    }

    public static void Delete(string directory) => File.Delete(Path.Combine(directory, FileName));
}
