namespace PlaceDeMarche.Pipeline.Dataset.Archives;

/// <summary>The zip CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), slicing-by-8. System.IO.Compression does
/// not check entry CRCs, so corruption inside a stored (uncompressed) entry would otherwise go unnoticed.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC of empty input; feed it to <see cref="Append"/>.</summary>
    public const uint Initial = 0;

    /// <summary>Continues <paramref name="crc"/> (a finished CRC value) over <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var table = Table.AsSpan();
        crc = ~crc;
        while (data.Length >= 8)
        {
            var low = crc ^ (uint)(data[0] | data[1] << 8 | data[2] << 16 | data[3] << 24);
            crc = table[7 * 256 + (int)(low & 0xFF)]
                  ^ table[6 * 256 + (int)((low >> 8) & 0xFF)]
                  ^ table[5 * 256 + (int)((low >> 16) & 0xFF)]
                  ^ table[4 * 256 + (int)(low >> 24)]
                  ^ table[3 * 256 + data[4]]
                  ^ table[2 * 256 + data[5]]
                  ^ table[1 * 256 + data[6]]
                  ^ table[data[7]];
            data = data[8..];
        }

        foreach (var value in data)
        {
            crc = table[(int)((crc ^ value) & 0xFF)] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            var crc = i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }

            table[i] = crc;
        }

        for (var i = 0; i < 256; i++)
        {
            for (var slice = 1; slice < 8; slice++)
            {
                var previous = table[(slice - 1) * 256 + i];
                table[slice * 256 + i] = (previous >> 8) ^ table[(int)(previous & 0xFF)];
            }
        }

        return table;
    }
}
