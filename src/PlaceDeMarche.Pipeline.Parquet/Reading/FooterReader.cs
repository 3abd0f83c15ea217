using System.Buffers.Binary;
using PlaceDeMarche.Pipeline.Parquet.Format;
using PlaceDeMarche.Pipeline.Parquet.Thrift;

namespace PlaceDeMarche.Pipeline.Parquet.Reading;

/// <summary>Locates and decodes the FileMetaData footer: ... metadata, 4-byte little-endian length, "PAR1".</summary>
internal static class FooterReader
{
    private const int MagicLength = 4;
    private const int TrailerLength = 8;

    /// <summary>Reads the footer of a seekable stream; returns it with the offset where it starts.</summary>
    public static (FileMetaData MetaData, long FooterStart) Read(Stream stream)
    {
        long length = stream.Length;
        if (length < MagicLength + TrailerLength)
        {
            throw new ParquetFormatException(
                $"The file is {length} bytes long, too short for Parquet (at least 12: \"PAR1\", footer length, \"PAR1\"). It may be truncated or empty.");
        }

        Span<byte> header = stackalloc byte[MagicLength];
        stream.Position = 0;
        stream.ReadExactly(header);
        if (!header.SequenceEqual(ParquetWriter.Magic))
        {
            throw new ParquetFormatException($"The file does not start with the Parquet magic \"PAR1\" (offset 0); it is not a Parquet file.");
        }

        Span<byte> trailer = stackalloc byte[TrailerLength];
        stream.Position = length - TrailerLength;
        stream.ReadExactly(trailer);
        if (trailer[4..].SequenceEqual("PARE"u8))
        {
            throw new NotSupportedException("The file has an encrypted footer (\"PARE\"); encrypted Parquet files are not supported.");
        }

        if (!trailer[4..].SequenceEqual(ParquetWriter.Magic))
        {
            throw new ParquetFormatException(
                $"The file does not end with the Parquet magic \"PAR1\" (offset {length - MagicLength}); it is truncated or still being written.");
        }

        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(trailer);
        long footerStart = length - TrailerLength - footerLength;
        if (footerLength <= 0 || footerStart < MagicLength)
        {
            throw new ParquetFormatException(
                $"The footer length {footerLength} at offset {length - TrailerLength} does not fit in a {length}-byte file.");
        }

        byte[] footer = new byte[footerLength];
        stream.Position = footerStart;
        stream.ReadExactly(footer);
        var reader = new ThriftCompactReader(footer, footerStart, "File footer");
        return (FileMetaData.Read(reader), footerStart);
    }
}
