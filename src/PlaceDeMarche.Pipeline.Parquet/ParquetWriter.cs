using System.Buffers;
using System.Buffers.Binary;
using PlaceDeMarche.Pipeline.Parquet.Format;
using PlaceDeMarche.Pipeline.Parquet.Thrift;
using PlaceDeMarche.Pipeline.Parquet.Writing;

namespace PlaceDeMarche.Pipeline.Parquet;

/// <summary>
/// Writes a <see cref="ParquetTable"/> as a standard Parquet file: "PAR1", row groups of PLAIN-encoded version-1
/// data pages, the Thrift-compact FileMetaData footer, its 4-byte length and "PAR1". Output is byte-for-byte
/// deterministic for a given table and options.
/// </summary>
public static class ParquetWriter
{
    /// <summary>Value of the footer's created_by field.</summary>
    public const string CreatedBy = "PlaceDeMarche.Pipeline.Parquet";

    internal static ReadOnlySpan<byte> Magic => "PAR1"u8;

    /// <summary>Writes <paramref name="table"/> to <paramref name="stream"/> (which need not be seekable; it is not closed).</summary>
    public static void Write(Stream stream, ParquetTable table, ParquetWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(table);
        options ??= ParquetWriteOptions.Default;
        options.Validate();
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Parquet values are little-endian; this writer copies memory directly and needs a little-endian machine.");
        }

        var output = new PositionedOutput(stream);
        output.Write(Magic);

        ColumnLayout[] layouts = [.. table.Columns.Select(ColumnLayout.For)];
        var chunkWriter = new ColumnChunkWriter(output, options);
        var rowGroups = new List<RowGroup>();
        for (int firstRow = 0; firstRow < table.RowCount; firstRow += options.RowGroupSize)
        {
            int rowCount = Math.Min(options.RowGroupSize, table.RowCount - firstRow);
            long rowGroupStart = output.Position;
            var chunks = new ColumnChunk[layouts.Length];
            for (int column = 0; column < layouts.Length; column++)
            {
                chunks[column] = chunkWriter.Write(table.Columns[column], layouts[column], firstRow, rowCount);
            }

            rowGroups.Add(new RowGroup
            {
                Columns = chunks,
                TotalByteSize = chunks.Sum(chunk => chunk.MetaData!.TotalUncompressedSize),
                NumRows = rowCount,
                FileOffset = rowGroupStart,
                TotalCompressedSize = output.Position - rowGroupStart,
                Ordinal = (short)Math.Min(rowGroups.Count, short.MaxValue),
            });
        }

        var root = new SchemaElement { Name = "schema", NumChildren = layouts.Length };
        var metaData = new FileMetaData
        {
            Version = 1,
            Schema = [root, .. layouts.SelectMany(layout => layout.SchemaElements)],
            NumRows = table.RowCount,
            RowGroups = rowGroups,
            // Sorted so the file does not depend on the order metadata was added in.
            KeyValueMetadata = [.. table.Metadata.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new KeyValue(pair.Key, pair.Value))],
            CreatedBy = CreatedBy,
        };

        var footer = new ArrayBufferWriter<byte>();
        metaData.Write(new ThriftCompactWriter(footer));
        output.Write(footer.WrittenSpan);
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(trailer, footer.WrittenCount);
        Magic.CopyTo(trailer[4..]);
        output.Write(trailer);
    }

    /// <summary>Writes <paramref name="table"/> to a new file at <paramref name="path"/> (overwriting it).</summary>
    public static void Write(string path, ParquetTable table, ParquetWriteOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(stream, table, options);
    }
}
