namespace Charmarr.Interfaces.GrafanaDashboard;

/// <summary>CRC-64 (ECMA-182, reflected polynomial 0xC96C5795D7870F42), the integrity check Python's <c>lzma.compress()</c> uses by default.</summary>
internal static class Crc64
{
    private static readonly ulong[] Table = BuildTable();

    /// <summary>The CRC-64 of <paramref name="data"/>.</summary>
    public static ulong Compute(ReadOnlySpan<byte> data)
    {
        var crc = ulong.MaxValue;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static ulong[] BuildTable()
    {
        var table = new ulong[256];
        for (ulong i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xC96C5795D7870F42ul ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
