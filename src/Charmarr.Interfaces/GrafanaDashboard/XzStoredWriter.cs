using System.Buffers.Binary;

namespace Charmarr.Interfaces.GrafanaDashboard;

/// <summary>
/// Writes a valid <c>.xz</c> stream (the format of Python's <c>lzma.compress()</c>, which the grafana_dashboard library
/// decodes with <c>lzma.decompress()</c>) without compressing: one block whose LZMA2 data is made of uncompressed
/// chunks, a CRC64 check, the index and the footer. .NET has no xz encoder, and dashboards are small, so stored chunks
/// cost only a few bytes per 64 KiB.
/// </summary>
internal static class XzStoredWriter
{
    private const int MaxChunk = 1 << 16;
    private const byte CheckCrc64 = 0x04;
    private static readonly byte[] HeaderMagic = [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00];

    /// <summary>Wraps <paramref name="data"/> in an xz stream.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The stream.</returns>
    public static byte[] Write(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length + 64);

        // Stream header: magic, flags (check type CRC64), CRC32 of the flags.
        output.Write(HeaderMagic);
        ReadOnlySpan<byte> flags = [0x00, CheckCrc64];
        output.Write(flags);
        WriteUInt32(output, Crc32.Compute(flags));

        // Block header: size, block flags (one filter, no optional sizes), filter LZMA2 (0x21) with one property byte
        // (dictionary size 4 KiB: stored chunks need no dictionary), padding, CRC32.
        Span<byte> blockHeader = [0x02, 0x00, 0x21, 0x01, 0x00, 0x00, 0x00, 0x00];
        output.Write(blockHeader);
        WriteUInt32(output, Crc32.Compute(blockHeader));
        const int blockHeaderSize = 12;

        // LZMA2: uncompressed chunks (0x01 resets the dictionary, 0x02 does not), size - 1 big-endian, then the end marker.
        long compressed = 0;
        for (var offset = 0; offset < data.Length; offset += MaxChunk)
        {
            var chunk = data.Slice(offset, Math.Min(MaxChunk, data.Length - offset));
            output.WriteByte(offset == 0 ? (byte)0x01 : (byte)0x02);
            output.WriteByte((byte)((chunk.Length - 1) >> 8));
            output.WriteByte((byte)(chunk.Length - 1));
            output.Write(chunk);
            compressed += 3 + chunk.Length;
        }

        output.WriteByte(0x00);
        compressed++;
        Pad(output, compressed);
        Span<byte> check = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(check, Crc64.Compute(data));
        output.Write(check);

        // Index: indicator, one record (unpadded size, uncompressed size), padding, CRC32.
        using var index = new MemoryStream();
        index.WriteByte(0x00);
        WriteVarInt(index, 1);
        WriteVarInt(index, (ulong)(blockHeaderSize + compressed + check.Length));
        WriteVarInt(index, (ulong)data.Length);
        Pad(index, index.Length);
        var indexBytes = index.ToArray();
        output.Write(indexBytes);
        WriteUInt32(output, Crc32.Compute(indexBytes));

        // Stream footer: CRC32 of backward size and flags, backward size (index size / 4 - 1), flags, magic.
        Span<byte> footer = stackalloc byte[6];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, (uint)((indexBytes.Length + 4) / 4 - 1));
        flags.CopyTo(footer[4..]);
        WriteUInt32(output, Crc32.Compute(footer));
        output.Write(footer);
        output.WriteByte((byte)'Y');
        output.WriteByte((byte)'Z');
        return output.ToArray();
    }

    private static void Pad(Stream stream, long length)
    {
        for (var i = length; i % 4 != 0; i++)
        {
            stream.WriteByte(0x00);
        }
    }

    private static void WriteUInt32(Stream stream, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        stream.Write(bytes);
    }

    private static void WriteVarInt(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }
}
