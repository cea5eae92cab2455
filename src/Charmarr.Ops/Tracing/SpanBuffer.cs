using System.Text;

namespace Charmarr.Ops.Tracing;

/// <summary>
/// The spans not yet delivered, in <c>spans.jsonl</c> (mode 0600): one line per dispatch, each one OTLP
/// <c>ResourceSpans</c> object. Bounded by dispatches and bytes; the oldest lines go first. Every change rewrites the file
/// atomically, so a hook killed mid-write leaves the previous buffer.
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

    /// <summary>Adds one dispatch's spans and drops the oldest beyond the bounds.</summary>
    /// <returns>The buffered dispatches, oldest first, and how many old ones were dropped.</returns>
    public (IReadOnlyList<string> Lines, int Dropped) Append(string resourceSpans)
    {
        var lines = Read();
        lines.Add(resourceSpans);
        var dropped = Trim(lines, limits);
        PrivateFile.Write(path, string.Join('\n', lines) + "\n");
        return (lines, dropped);
    }

    /// <summary>The buffered dispatches, oldest first.</summary>
    public List<string> Read()
    {
        var text = PrivateFile.ReadOrNull(path);
        return text is null ? [] : [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>Forgets every buffered dispatch (delivered, or the destination went away).</summary>
    public void Clear() => File.Delete(path);

    /// <summary>The OTLP/HTTP JSON request body for these dispatches: <c>{"resourceSpans":[…]}</c>.</summary>
    public static byte[] Payload(IReadOnlyList<string> lines)
    {
        var builder = new StringBuilder("{\"resourceSpans\":[", 64 + lines.Sum(l => l.Length + 1));
        builder.AppendJoin(',', lines);
        builder.Append("]}");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>Drops the oldest lines until both bounds hold (the newest line always stays, however large).</summary>
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
}
