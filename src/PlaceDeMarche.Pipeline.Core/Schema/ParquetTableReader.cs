using Parquet;
using Parquet.Schema;
using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>
/// Reads a Parquet file into a <see cref="ParquetTable"/> through Parquet.Net's column API (values and levels in
/// bulk; its object serializer is several times slower). Any writer's file is accepted as long as each top-level
/// column is one of the kinds a table holds; other shapes fail naming the column.
/// </summary>
internal static class ParquetTableReader
{
    public static async ValueTask<ParquetTable> ReadAsync(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using ParquetReader reader = await ParquetReader.CreateAsync(stream, new ParquetOptions(), leaveStreamOpen: true);
        long rowCount = 0;
        for (int index = 0; index < reader.RowGroupCount; index++)
        {
            rowCount += reader.OpenRowGroupReader(index).RowCount;
        }

        if (rowCount > Array.MaxLength)
        {
            throw new NotSupportedException($"The file has {rowCount} rows; a table holds at most {Array.MaxLength}.");
        }

        var columns = new List<ParquetColumn>(reader.Schema.Fields.Count);
        foreach (Field field in reader.Schema.Fields)
        {
            columns.Add(await ReadColumnAsync(reader, field, (int)rowCount));
        }

        return new ParquetTable(columns);
    }

    private static async ValueTask<ParquetColumn> ReadColumnAsync(ParquetReader reader, Field field, int rowCount) => field switch
    {
        ListField { Item: DataField { IsArray: false } element } when element.ClrType == typeof(float) =>
            await ReadVectorsAsync(reader, (ListField)field, element, rowCount),
        // Parquet.Net gives UTF8 columns the type of the values it reads for them.
        DataField { IsArray: false } data when data.ClrType == typeof(ReadOnlyMemory<char>) || data.ClrType == typeof(string) =>
            await ReadStringsAsync(reader, data, rowCount),
        DataField { IsArray: false } data when data.ClrType == typeof(bool) => await ReadPrimitivesAsync<bool>(reader, data, rowCount),
        DataField { IsArray: false } data when data.ClrType == typeof(int) => await ReadPrimitivesAsync<int>(reader, data, rowCount),
        DataField { IsArray: false } data when data.ClrType == typeof(long) => await ReadPrimitivesAsync<long>(reader, data, rowCount),
        DataField { IsArray: false } data when data.ClrType == typeof(float) => await ReadPrimitivesAsync<float>(reader, data, rowCount),
        DataField { IsArray: false } data when data.ClrType == typeof(double) => await ReadPrimitivesAsync<double>(reader, data, rowCount),
        _ => throw new NotSupportedException(
            $"Column '{field.Name}' is {Describe(field)}; a table holds booleans, 32- and 64-bit integers, floats, doubles, UTF-8 strings and lists of floats."),
    };

    private static async ValueTask<ParquetColumn> ReadPrimitivesAsync<T>(ParquetReader reader, DataField field, int rowCount)
        where T : unmanaged
    {
        var values = new T[rowCount];
        bool[]? validity = field.IsNullable ? new bool[rowCount] : null;
        int firstRow = 0;
        for (int index = 0; index < reader.RowGroupCount; index++)
        {
            ParquetRowGroupReader rowGroup = reader.OpenRowGroupReader(index);
            int rows = (int)rowGroup.RowCount;
            if (validity is null)
            {
                await rowGroup.ReadRawAsync(field, values.AsMemory(firstRow, rows), null, null);
            }
            else
            {
                // Only present values are stored; definition levels place them.
                var present = new T[rows];
                var levels = new int[rows];
                await rowGroup.ReadRawAsync<T>(field, present, levels, null);
                int stored = 0;
                for (int row = 0; row < rows; row++)
                {
                    if (levels[row] == field.MaxDefinitionLevel)
                    {
                        validity[firstRow + row] = true;
                        values[firstRow + row] = present[stored++];
                    }
                }
            }

            firstRow += rows;
        }

        return new PrimitiveColumn<T>(field.Name, values, validity);
    }

    private static async ValueTask<ParquetColumn> ReadStringsAsync(ParquetReader reader, DataField field, int rowCount)
    {
        var strings = new string?[rowCount];
        int firstRow = 0;
        for (int index = 0; index < reader.RowGroupCount; index++)
        {
            ParquetRowGroupReader rowGroup = reader.OpenRowGroupReader(index);
            int rows = (int)rowGroup.RowCount;
            var present = new ReadOnlyMemory<char>[rows];
            int[]? levels = field.IsNullable ? new int[rows] : null;
            // A null array would convert to empty levels, not to "no levels".
            Memory<int>? definitions = levels is null ? default(Memory<int>?) : levels;
            await rowGroup.ReadRawAsync<ReadOnlyMemory<char>>(field, present, definitions, null);
            int stored = 0;
            for (int row = 0; row < rows; row++)
            {
                if (levels is null || levels[row] == field.MaxDefinitionLevel)
                {
                    strings[firstRow + row] = new string(present[stored++].Span);
                }
            }

            firstRow += rows;
        }

        return new StringColumn(field.Name, strings, field.IsNullable);
    }

    /// <summary>
    /// Rebuilds the vectors from the element levels: repetition 0 starts a row; a definition below the list's
    /// element level is a null vector (one under it) or an empty one (just under it).
    /// </summary>
    private static async ValueTask<ParquetColumn> ReadVectorsAsync(ParquetReader reader, ListField list, DataField element, int rowCount)
    {
        var vectors = new float[]?[rowCount];
        int slotLevel = list.MaxDefinitionLevel;
        int firstRow = 0;
        for (int index = 0; index < reader.RowGroupCount; index++)
        {
            ParquetRowGroupReader rowGroup = reader.OpenRowGroupReader(index);
            int entries = (int)(rowGroup.GetMetadata(element)?.MetaData?.NumValues
                ?? throw new InvalidDataException($"Row group {index} has no data for column '{list.Name}'."));
            var values = new float[entries];
            var definitions = new int[entries];
            var repetitions = new int[entries];
            await rowGroup.ReadRawAsync<float>(element, values, definitions, repetitions);
            int row = firstRow;
            int stored = 0;
            for (int entry = 0; entry < entries; row++)
            {
                if (definitions[entry] < slotLevel)
                {
                    vectors[row] = definitions[entry] < slotLevel - 1 ? null : [];
                    entry++;
                    continue;
                }

                int start = stored;
                do
                {
                    if (definitions[entry] != element.MaxDefinitionLevel)
                    {
                        throw new NotSupportedException($"Column '{list.Name}' row {row} holds a null element; a float vector cannot.");
                    }

                    stored++;
                    entry++;
                }
                while (entry < entries && repetitions[entry] != 0);

                vectors[row] = values[start..stored];
            }

            int rows = (int)rowGroup.RowCount;
            if (row - firstRow != rows)
            {
                throw new InvalidDataException($"Column '{list.Name}' has {row - firstRow} rows in row group {index}, which declares {rows}.");
            }

            firstRow += rows;
        }

        return new FloatVectorColumn(list.Name, vectors, list.IsNullable);
    }

    private static string Describe(Field field) => field switch
    {
        DataField { IsArray: true } data => $"a repeated {data.ClrType.Name}",
        DataField data => $"of type {data.ClrType.Name}",
        ListField list => $"a list of {Describe(list.Item)}",
        _ => $"a {field.SchemaType} field",
    };
}
