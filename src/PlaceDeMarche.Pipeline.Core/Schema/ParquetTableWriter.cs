using Parquet;
using Parquet.Schema;
using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>
/// Writes a <see cref="ParquetTable"/> through Parquet.Net's column API: one field per column (strings annotated
/// UTF8, float vectors as the standard 3-level LIST of required FLOAT elements), Snappy pages, PLAIN values, row
/// groups of <see cref="ParquetArtifact.RowGroupSize"/> rows. The same table gives the same bytes on any machine:
/// Parquet.Net writes no timestamp, and its created_by names the package version pinned in Directory.Packages.props.
/// </summary>
internal static class ParquetTableWriter
{
    public static async Task WriteAsync(Stream stream, ParquetTable table)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(table);
        Field[] fields = [.. table.Columns.Select(FieldOf)];
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, options);
        for (int firstRow = 0; firstRow < table.RowCount; firstRow += ParquetArtifact.RowGroupSize)
        {
            int rowCount = Math.Min(ParquetArtifact.RowGroupSize, table.RowCount - firstRow);
            using ParquetRowGroupWriter rowGroup = writer.CreateRowGroup();
            for (int index = 0; index < fields.Length; index++)
            {
                await WriteColumnAsync(rowGroup, fields[index], table.Columns[index], firstRow, rowCount);
            }

            rowGroup.CompleteValidate();
        }
    }

    private static Field FieldOf(ParquetColumn column) => column.Kind switch
    {
        ParquetValueKind.Boolean => new DataField<bool>(column.Name, column.IsNullable),
        ParquetValueKind.Int32 => new DataField<int>(column.Name, column.IsNullable),
        ParquetValueKind.Int64 => new DataField<long>(column.Name, column.IsNullable),
        ParquetValueKind.Float => new DataField<float>(column.Name, column.IsNullable),
        ParquetValueKind.Double => new DataField<double>(column.Name, column.IsNullable),
        ParquetValueKind.String => new DataField<string>(column.Name, column.IsNullable),
        // Parquet.Net marks every list OPTIONAL; a required vector column is enforced by FloatVectorColumn instead.
        ParquetValueKind.FloatVector => new ListField(column.Name, new DataField<float>(ListField.ElementName, false)),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, $"Column '{column.Name}' has an unknown kind."),
    };

    private static Task WriteColumnAsync(ParquetRowGroupWriter rowGroup, Field field, ParquetColumn column, int firstRow, int rowCount) =>
        column switch
        {
            PrimitiveColumn<bool> values => WritePrimitivesAsync(rowGroup, (DataField)field, values, firstRow, rowCount),
            PrimitiveColumn<int> values => WritePrimitivesAsync(rowGroup, (DataField)field, values, firstRow, rowCount),
            PrimitiveColumn<long> values => WritePrimitivesAsync(rowGroup, (DataField)field, values, firstRow, rowCount),
            PrimitiveColumn<float> values => WritePrimitivesAsync(rowGroup, (DataField)field, values, firstRow, rowCount),
            PrimitiveColumn<double> values => WritePrimitivesAsync(rowGroup, (DataField)field, values, firstRow, rowCount),
            StringColumn strings => WriteStringsAsync(rowGroup, (DataField)field, strings.Values.AsSpan(firstRow, rowCount)),
            FloatVectorColumn vectors => WriteVectorsAsync(rowGroup, (DataField)((ListField)field).Item, vectors.Values.AsSpan(firstRow, rowCount)),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.GetType(), $"Column '{column.Name}' has an unknown type."),
        };

    private static Task WritePrimitivesAsync<T>(ParquetRowGroupWriter rowGroup, DataField field, PrimitiveColumn<T> column, int firstRow, int rowCount)
        where T : unmanaged
    {
        if (!column.IsNullable)
        {
            return rowGroup.WriteAsync(field, new ReadOnlyMemory<T>(column.Values, firstRow, rowCount));
        }

        // Definition levels say which rows are present; only the present values are stored.
        ReadOnlySpan<bool> validity = column.Validity.Slice(firstRow, rowCount);
        var levels = new int[rowCount];
        var present = new T[validity.Count(true)];
        int stored = 0;
        for (int row = 0; row < rowCount; row++)
        {
            if (validity[row])
            {
                levels[row] = field.MaxDefinitionLevel;
                present[stored++] = column.Values[firstRow + row];
            }
        }

        return rowGroup.WriteAllPartsAsync<T>(field, present, levels, null, CancellationToken.None);
    }

    private static Task WriteStringsAsync(ParquetRowGroupWriter rowGroup, DataField field, ReadOnlySpan<string?> strings)
    {
        int[]? levels = field.IsNullable ? new int[strings.Length] : null;
        var present = new List<ReadOnlyMemory<char>>(strings.Length);
        for (int row = 0; row < strings.Length; row++)
        {
            if (strings[row] is { } text)
            {
                present.Add(text.AsMemory());
                if (levels is not null)
                {
                    levels[row] = field.MaxDefinitionLevel;
                }
            }
        }

        // A null array would convert to empty levels, not to "no levels": say which one is meant.
        ReadOnlyMemory<int>? definitions = levels is null ? default(ReadOnlyMemory<int>?) : levels;
        return rowGroup.WriteAllPartsAsync<ReadOnlyMemory<char>>(field, present.ToArray(), definitions, null, CancellationToken.None);
    }

    /// <summary>
    /// One level entry per element, or one per null or empty vector; repetition 0 starts a row. With the list
    /// OPTIONAL and its element REQUIRED, definition 0 is a null vector, 1 an empty one, 2 an element.
    /// </summary>
    private static Task WriteVectorsAsync(ParquetRowGroupWriter rowGroup, DataField element, ReadOnlySpan<float[]?> vectors)
    {
        int elementLevel = element.MaxDefinitionLevel;
        int entries = 0;
        int floats = 0;
        foreach (float[]? vector in vectors)
        {
            entries += Math.Max(1, vector?.Length ?? 0);
            floats += vector?.Length ?? 0;
        }

        var definitions = new int[entries];
        var repetitions = new int[entries];
        var values = new float[floats];
        int entry = 0;
        int stored = 0;
        foreach (float[]? vector in vectors)
        {
            if (vector is null or { Length: 0 })
            {
                definitions[entry++] = vector is null ? elementLevel - 2 : elementLevel - 1;
                continue;
            }

            definitions.AsSpan(entry, vector.Length).Fill(elementLevel);
            repetitions.AsSpan(entry + 1, vector.Length - 1).Fill(1);
            vector.CopyTo(values, stored);
            entry += vector.Length;
            stored += vector.Length;
        }

        return rowGroup.WriteAllPartsAsync<float>(element, values, definitions, repetitions, CancellationToken.None);
    }
}
