using PlaceDeMarche.Pipeline.Parquet.Columns;
using PlaceDeMarche.Pipeline.Parquet.Format;
using PlaceDeMarche.Pipeline.Parquet.Reading;

namespace PlaceDeMarche.Pipeline.Parquet;

/// <summary>
/// Reads Parquet files into <see cref="ParquetTable"/>s. Supports BOOLEAN, INT32, INT64, FLOAT, DOUBLE, STRING and
/// lists of FLOAT; PLAIN and dictionary encodings; version-1 and version-2 data pages; UNCOMPRESSED, SNAPPY and GZIP.
/// Malformed files raise <see cref="ParquetFormatException"/>; valid files using other features raise
/// <see cref="NotSupportedException"/> naming the column and the feature.
/// </summary>
public static class ParquetReader
{
    /// <summary>Reads all columns (or only <paramref name="columns"/>, in that order) of the file in <paramref name="stream"/>.</summary>
    public static ParquetTable Read(Stream stream, IReadOnlyCollection<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return Read(copy, columns);
        }

        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Parquet values are little-endian; this reader copies memory directly and needs a little-endian machine.");
        }

        var (metaData, footerStart) = FooterReader.Read(stream);
        var (fields, leafCount) = ResolveSchema(metaData);
        ColumnDescriptor[] selected = [.. Select(fields, columns).Select(field => field.EnsureSupported())];
        int rowCount = CheckRowCounts(metaData);
        ColumnBuilder[] builders = [.. selected.Select(descriptor => ColumnBuilder.Create(descriptor, rowCount))];

        var chunkReader = new ColumnChunkReader(stream, footerStart);
        int firstRow = 0;
        for (int index = 0; index < metaData.RowGroups.Count; index++)
        {
            RowGroup rowGroup = metaData.RowGroups[index];
            if (rowGroup.Columns.Count != leafCount)
            {
                throw new ParquetFormatException($"Row group {index} has {rowGroup.Columns.Count} column chunks but the schema has {leafCount} leaf columns.");
            }

            foreach (ColumnBuilder builder in builders)
            {
                chunkReader.Read(rowGroup.Columns[builder.Descriptor.LeafIndex], builder, index, firstRow, (int)rowGroup.NumRows);
            }

            firstRow += (int)rowGroup.NumRows;
        }

        return new ParquetTable(builders.Select(builder => builder.Build()), MetadataOf(metaData));
    }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static ParquetTable Read(string path, IReadOnlyCollection<string>? columns = null)
    {
        using var stream = OpenRead(path);
        return Read(stream, columns);
    }

    /// <summary>
    /// Reads only the footer: column names and types, row count, created_by and key-value metadata. Throws
    /// <see cref="NotSupportedException"/> if a column has a type this library cannot represent.
    /// </summary>
    public static ParquetFileInfo ReadSchema(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return ReadSchema(copy);
        }

        var (metaData, _) = FooterReader.Read(stream);
        ParquetColumnInfo[] columns =
        [
            .. ResolveSchema(metaData).Fields
                .Select(field => field.EnsureSupported())
                .Select(field => new ParquetColumnInfo(field.Name, field.Kind, field.IsNullable)),
        ];
        return new ParquetFileInfo(columns, metaData.NumRows, metaData.RowGroups.Count, metaData.CreatedBy, MetadataOf(metaData));
    }

    /// <summary>Reads the footer of the file at <paramref name="path"/>.</summary>
    public static ParquetFileInfo ReadSchema(string path)
    {
        using var stream = OpenRead(path);
        return ReadSchema(stream);
    }

    private static FileStream OpenRead(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    private static (IReadOnlyList<ColumnDescriptor> Fields, int LeafCount) ResolveSchema(FileMetaData metaData)
    {
        SchemaNode root = SchemaNode.BuildTree(metaData.Schema);
        IReadOnlyList<ColumnDescriptor> fields = SchemaResolver.Resolve(root);
        return fields.Count > 0 ? (fields, root.LeafCount) : throw new ParquetFormatException("The file's schema has no columns.");
    }

    private static IEnumerable<ColumnDescriptor> Select(IReadOnlyList<ColumnDescriptor> fields, IReadOnlyCollection<string>? names)
    {
        if (names is null)
        {
            return fields;
        }

        if (names.Count == 0)
        {
            throw new ArgumentException("Ask for at least one column, or pass null for all columns.", nameof(names));
        }

        return names.Select(name => fields.FirstOrDefault(field => field.Name == name) ?? throw new KeyNotFoundException(
            $"The file has no column '{name}'. Available columns: {string.Join(", ", fields.Select(field => field.Name))}."));
    }

    private static int CheckRowCounts(FileMetaData metaData)
    {
        long sum = 0;
        foreach (RowGroup rowGroup in metaData.RowGroups)
        {
            if (rowGroup.NumRows < 0)
            {
                throw new ParquetFormatException($"A row group declares a negative row count {rowGroup.NumRows}.");
            }

            sum += rowGroup.NumRows;
        }

        if (sum != metaData.NumRows)
        {
            throw new ParquetFormatException($"The footer says {metaData.NumRows} rows but its row groups add up to {sum}.");
        }

        return sum <= int.MaxValue
            ? (int)sum
            : throw new NotSupportedException($"The file has {sum} rows; tables are limited to {int.MaxValue} rows.");
    }

    private static Dictionary<string, string> MetadataOf(FileMetaData metaData)
    {
        // Duplicate keys from other writers: the last one wins, as in most readers.
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValue keyValue in metaData.KeyValueMetadata)
        {
            result[keyValue.Key] = keyValue.Value ?? string.Empty;
        }

        return result;
    }
}
