using System.IO.Compression;
using System.Runtime.InteropServices;
using PlaceDeMarche.Pipeline.Parquet.Format;

namespace PlaceDeMarche.Pipeline.Parquet.Compression;

/// <summary>Compresses and decompresses page bodies with the codecs this library supports.</summary>
internal sealed class PageCompressor
{
    private readonly MemoryStream _gzipOutput = new();
    private byte[] _snappyOutput = [];

    public PageCompressor(ParquetCompression compression)
    {
        Codec = compression switch
        {
            ParquetCompression.Uncompressed => CompressionCodec.Uncompressed,
            ParquetCompression.Snappy => CompressionCodec.Snappy,
            ParquetCompression.Gzip => CompressionCodec.Gzip,
            _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "Unknown compression."),
        };
    }

    /// <summary>The codec written into the column metadata.</summary>
    public CompressionCodec Codec { get; }

    /// <summary>Compresses a page body; the result is valid until the next call.</summary>
    public ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> page)
    {
        switch (Codec)
        {
            case CompressionCodec.Snappy:
                int capacity = SnappyCodec.MaxCompressedLength(page.Length);
                if (_snappyOutput.Length < capacity)
                {
                    _snappyOutput = new byte[capacity];
                }

                return _snappyOutput.AsSpan(0, SnappyCodec.Compress(page, _snappyOutput));
            case CompressionCodec.Gzip:
                _gzipOutput.SetLength(0);
                using (var gzip = new GZipStream(_gzipOutput, CompressionLevel.Optimal, leaveOpen: true))
                {
                    gzip.Write(page);
                }

                return _gzipOutput.GetBuffer().AsSpan(0, (int)_gzipOutput.Length);
            default:
                return page;
        }
    }

    /// <summary>
    /// Decompresses <paramref name="input"/> into exactly <c>output.Length</c> bytes (callers use uncompressed pages
    /// in place). Throws <see cref="NotSupportedException"/> naming the column for codecs other than SNAPPY and GZIP.
    /// </summary>
    public static void Decompress(CompressionCodec codec, ReadOnlyMemory<byte> input, Span<byte> output, string columnName)
    {
        switch (codec)
        {
            case CompressionCodec.Snappy:
                SnappyCodec.Decompress(input.Span, output);
                break;
            case CompressionCodec.Gzip:
                DecompressGzip(input, output);
                break;
            default:
                throw new NotSupportedException(
                    $"Column '{columnName}' is compressed with {ParquetNames.Of(codec)}, which this reader does not support " +
                    "(supported: UNCOMPRESSED, SNAPPY, GZIP). Rewrite the file with one of those codecs, e.g. DuckDB COPY ... (FORMAT parquet, COMPRESSION snappy).");
        }
    }

    private static void DecompressGzip(ReadOnlyMemory<byte> input, Span<byte> output)
    {
        Stream source = MemoryMarshal.TryGetArray(input, out ArraySegment<byte> segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(input.ToArray(), writable: false);
        try
        {
            using var gzip = new GZipStream(source, CompressionMode.Decompress);
            gzip.ReadExactly(output);
        }
        catch (Exception exception) when (exception is InvalidDataException or EndOfStreamException)
        {
            throw new ParquetFormatException($"GZIP page data is corrupt or shorter than the {output.Length} bytes its header declares: {exception.Message}", exception);
        }
    }
}
