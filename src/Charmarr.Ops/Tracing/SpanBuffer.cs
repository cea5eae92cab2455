using System.Text;
using System.Text.Json;

namespace Charmarr.Ops.Tracing;

/// <summary>
/// The spans not yet delivered, in <c>spans.jsonl</c> (mode 0600): one line per dispatch, each one OTLP
/// <c>ResourceSpans</c> object. A dispatch appends its own line, so a hook pays for its spans, not for the buffer;
/// only when the file outgrows its byte bound is it rewritten (atomically), down to three quarters of the bound, so that
/// cost comes once in many dispatches while the collector is away. An export reads it whole and sends the newest
/// dispatches within both bounds; a line cut short by a killed hook is dropped then.
/// </summary>
internal sealed class SpanBuffer
{
    public const string FileName = "spans.jsonl";

    private readonly string path;
    private readonly TracingLimits limits;

    public SpanBuffer(string directory, TracingLimits limits)
    {
        path = Path.Combine(directory, FileName);
        this.limits = limits;
    }

    /// <summary>Adds one dispatch's spans; returns how many of the oldest dispatches were dropped to stay in bounds.</summary>
    public int Append(string resourceSpans)
    {
        PrivateFile.Append(path, resourceSpans + "\n");
        if (new FileInfo(path).Length <= limits.MaxBufferBytes)
        {
            return 0;
        }

        var lines = Read();
        var dropped = Trim(lines, limits with { MaxBufferBytes = limits.MaxBufferBytes / 4 * 3 });
        PrivateFile.Write(path, Text(lines));
        return dropped;
    }

    /// <summary>The dispatches to export: the newest within both bounds, damaged lines left out (and dropped from the file).</summary>
    public (List<string> Lines, int Dropped) ReadForExport()
    {
        var all = Read();
        var lines = all.Where(IsJsonObject).ToList();
        var dropped = all.Count - lines.Count + Trim(lines, limits);
        if (dropped > 0)
        {
            PrivateFile.Write(path, Text(lines));
        }

        return (lines, dropped);
    }

    public List<string> Read()
    {
        var text = PrivateFile.ReadOrNull(path);
        return text is null ? [] : [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    public void Clear() => File.Delete(path);

    public static byte[] Payload(IReadOnlyList<string> lines)
    {
        var builder = new StringBuilder("{\"resourceSpans\":[", 64 + lines.Sum(l => l.Length + 1));
        builder.AppendJoin(',', lines);
        builder.Append("]}");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    internal static int Trim(List<string> lines, TracingLimits limits)
    {
        var bytes = lines.Sum(l => Encoding.UTF8.GetByteCount(l) + 1);
        var dropped = 0;
        while (lines.Count > 1 && (lines.Count > limits.MaxBufferedDispatches || bytes > limits.MaxBufferBytes))
        {
            bytes -= Encoding.UTF8.GetByteCount(lines[0]) + 1;
            lines.RemoveAt(0);
            dropped++;
        }

        return dropped;
    }

    /// <summary>Whether <paramref name="line"/> is one whole JSON object (not a write cut short, nor one glued to the next).</summary>
    internal static bool IsJsonObject(string line)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line));
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Text(List<string> lines) => lines.Count == 0 ? string.Empty : string.Join('\n', lines) + "\n";
}
