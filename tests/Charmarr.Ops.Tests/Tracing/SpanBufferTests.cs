using Charmarr.Ops.Tracing;

namespace Charmarr.Ops.Tests.Tracing;

/// <summary>The on-disk span buffer: a dispatch appends its own line; bounds are kept by rare rewrites and at export.</summary>
public sealed class SpanBufferTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("charmarr-spans-").FullName;

    private string BufferPath => Path.Combine(directory, SpanBuffer.FileName);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static string Line(char fill, int length) => $$"""{"x":"{{new string(fill, length)}}"}""";

    [Fact]
    public void A_dispatch_adds_its_line_after_the_buffered_ones_without_rewriting_them()
    {
        var buffer = new SpanBuffer(directory, TracingLimits.Default);
        buffer.Append(Line('a', 10));
        var before = File.ReadAllBytes(BufferPath);

        // A handle opened before sees the new line only if the file was written in place, not replaced by a rewrite.
        using var held = new FileStream(BufferPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var dropped = buffer.Append(Line('b', 10));

        Assert.Equal(0, dropped);
        var after = File.ReadAllBytes(BufferPath);
        Assert.Equal(before, after.Take(before.Length));
        Assert.Equal(after.Length, held.Length);
        Assert.Equal([Line('a', 10), Line('b', 10)], buffer.Read());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(BufferPath));
        }
    }

    [Fact]
    public void Outgrowing_the_byte_bound_rewrites_the_buffer_to_three_quarters_of_it_keeping_the_newest()
    {
        var limits = TracingLimits.Default with { MaxBufferBytes = 1000 };
        var buffer = new SpanBuffer(directory, limits);
        var dropped = 0;
        for (var i = 0; i < 10; i++)
        {
            dropped += buffer.Append(Line((char)('a' + i), 100));
        }

        var kept = buffer.Read();
        Assert.True(new FileInfo(BufferPath).Length <= 750, $"{new FileInfo(BufferPath).Length} bytes kept");
        Assert.Equal(Line('j', 100), kept[^1]);
        Assert.Equal(10, kept.Count + dropped);
    }

    [Fact]
    public void An_export_reads_the_newest_dispatches_within_the_count_bound_and_drops_a_line_cut_short()
    {
        var buffer = new SpanBuffer(directory, TracingLimits.Default with { MaxBufferedDispatches = 2 });
        buffer.Append(Line('a', 10));
        File.AppendAllText(BufferPath, """{"x":"cut sho"""); // a hook killed mid-write: no newline, so the next line is glued on
        buffer.Append(Line('b', 10));
        buffer.Append(Line('c', 10));
        buffer.Append(Line('d', 10));

        var (lines, dropped) = buffer.ReadForExport();

        Assert.Equal([Line('c', 10), Line('d', 10)], lines);
        Assert.Equal(2, dropped); // the glued line (it took 'b' with it), then 'a' for the count bound
        Assert.Equal(lines, buffer.Read());
    }

    [Theory]
    [InlineData("""{"a":1}""", true)]
    [InlineData("""{"a":{"b":[1,2]}}""", true)]
    [InlineData("""{"a":1""", false)]
    [InlineData("""{"a":"cut{"b":2}""", false)]
    [InlineData("""{"a":1}{"b":2}""", false)]
    [InlineData("""[1,2]""", false)]
    [InlineData("", false)]
    public void Only_a_whole_json_object_is_a_line_to_send(string line, bool whole)
    {
        Assert.Equal(whole, SpanBuffer.IsJsonObject(line));
    }
}
