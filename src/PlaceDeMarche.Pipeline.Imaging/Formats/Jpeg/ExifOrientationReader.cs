using System.Buffers.Binary;

namespace PlaceDeMarche.Pipeline.Imaging.Formats.Jpeg;

/// <summary>
/// Reads the orientation tag (0x0112) of IFD0 from the TIFF structure inside an EXIF APP1 segment.
/// Metadata damage must not cost the picture, so anything malformed simply yields 1 (upright).
/// </summary>
internal static class ExifOrientationReader
{
    private const ushort OrientationTag = 0x0112;
    private const ushort ShortType = 3;

    /// <summary>Orientation 1..8 from <paramref name="tiff"/> (the APP1 payload after "Exif\0\0").</summary>
    public static int Read(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return 1;
        }

        bool littleEndian;
        if (tiff[0] == 'I' && tiff[1] == 'I')
        {
            littleEndian = true;
        }
        else if (tiff[0] == 'M' && tiff[1] == 'M')
        {
            littleEndian = false;
        }
        else
        {
            return 1;
        }

        long ifd = ReadUInt32(tiff[4..], littleEndian);
        if (ifd < 8 || ifd + 2 > tiff.Length)
        {
            return 1;
        }

        int entries = ReadUInt16(tiff[(int)ifd..], littleEndian);
        for (int i = 0; i < entries; i++)
        {
            long entry = ifd + 2 + 12L * i;
            if (entry + 12 > tiff.Length)
            {
                return 1;
            }

            var field = tiff.Slice((int)entry, 12);
            if (ReadUInt16(field, littleEndian) == OrientationTag && ReadUInt16(field[2..], littleEndian) == ShortType)
            {
                int value = ReadUInt16(field[8..], littleEndian);
                return value is >= 1 and <= 8 ? value : 1;
            }
        }

        return 1;
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> bytes, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16BigEndian(bytes);

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);
}
