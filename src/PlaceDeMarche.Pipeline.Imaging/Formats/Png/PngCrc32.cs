namespace PlaceDeMarche.Pipeline.Imaging.Formats.Png;

/// <summary>CRC-32 (ISO 3309 / ITU-T V.42, polynomial 0xEDB88320) as used by PNG chunks, slicing by 4 bytes.</summary>
internal static class PngCrc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>CRC of <paramref name="data"/> (initial value and final xor 0xFFFFFFFF).</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var table = Table;
        uint crc = 0xFFFFFFFF;
        int i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            crc ^= (uint)(data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
            crc = table[768 + (int)(crc & 0xFF)] ^ table[512 + (int)((crc >> 8) & 0xFF)]
                ^ table[256 + (int)((crc >> 16) & 0xFF)] ^ table[(int)(crc >> 24)];
        }

        for (; i < data.Length; i++)
        {
            crc = table[(int)((crc ^ data[i]) & 0xFF)] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        // Table k * 256 + b holds the CRC of byte b followed by k zero bytes.
        var table = new uint[1024];
        for (uint b = 0; b < 256; b++)
        {
            uint c = b;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[b] = c;
        }

        for (int b = 0; b < 256; b++)
        {
            for (int k = 1; k < 4; k++)
            {
                uint previous = table[(k - 1) * 256 + b];
                table[k * 256 + b] = table[(int)(previous & 0xFF)] ^ (previous >> 8);
            }
        }

        return table;
    }
}
