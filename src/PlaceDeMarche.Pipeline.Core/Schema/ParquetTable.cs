using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>
/// An artifact table in memory: ordered, uniquely named columns of equal length. <see cref="ParquetArtifact"/>
/// writes it as a Parquet file and reads it back.
/// </summary>
public sealed class ParquetTable
{
    private readonly Dictionary<string, ParquetColumn> _columnsByName = new(StringComparer.Ordinal);

    /// <summary>Creates a table; all columns must have the same row count and distinct names.</summary>
    public ParquetTable(IEnumerable<ParquetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = [.. columns];
        if (Columns.Count == 0)
        {
            throw new ArgumentException("A Parquet table needs at least one column.", nameof(columns));
        }

        RowCount = Columns[0].RowCount;
        foreach (ParquetColumn column in Columns)
        {
            if (column.RowCount != RowCount)
            {
                throw new ArgumentException(
                    $"Column '{column.Name}' has {column.RowCount} rows but column '{Columns[0].Name}' has {RowCount}; all columns must have the same length.",
                    nameof(columns));
            }

            if (!_columnsByName.TryAdd(column.Name, column))
            {
                throw new ArgumentException($"Column name '{column.Name}' appears more than once.", nameof(columns));
            }
        }
    }

    /// <summary>Convenience constructor.</summary>
    public ParquetTable(params ParquetColumn[] columns)
        : this((IEnumerable<ParquetColumn>)columns)
    {
    }

    /// <summary>The columns in file order.</summary>
    public IReadOnlyList<ParquetColumn> Columns { get; }

    /// <summary>Number of rows (the same for every column).</summary>
    public int RowCount { get; }

    /// <summary>Whether a column of that name exists.</summary>
    public bool HasColumn(string name) => _columnsByName.ContainsKey(name);

    /// <summary>The column named <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> listing the available names.</summary>
    public ParquetColumn GetColumn(string name) =>
        _columnsByName.TryGetValue(name, out ParquetColumn? column)
            ? column
            : throw new KeyNotFoundException(
                $"The table has no column '{name}'. Available columns: {string.Join(", ", Columns.Select(c => c.Name))}.");

    /// <summary>The column named <paramref name="name"/> as <typeparamref name="TColumn"/>; throws if missing or of another kind.</summary>
    public TColumn GetColumn<TColumn>(string name)
        where TColumn : ParquetColumn
    {
        ParquetColumn column = GetColumn(name);
        return column as TColumn ?? throw new InvalidOperationException(
            $"Column '{name}' holds {Describe(column)} values, not the {typeof(TColumn).Name} that was asked for.");
    }

    /// <summary>Values of a required BOOLEAN column (the column's storage, not a copy).</summary>
    public bool[] GetBooleans(string name) => GetRequiredValues<bool>(name);

    /// <summary>Values of a required INT32 column (the column's storage, not a copy).</summary>
    public int[] GetInt32s(string name) => GetRequiredValues<int>(name);

    /// <summary>Values of a required INT64 column (the column's storage, not a copy).</summary>
    public long[] GetInt64s(string name) => GetRequiredValues<long>(name);

    /// <summary>Values of a required FLOAT column (the column's storage, not a copy).</summary>
    public float[] GetFloats(string name) => GetRequiredValues<float>(name);

    /// <summary>Values of a required DOUBLE column (the column's storage, not a copy).</summary>
    public double[] GetDoubles(string name) => GetRequiredValues<double>(name);

    /// <summary>Values of a primitive column, required or nullable, copied into a nullable array.</summary>
    public T?[] GetNullableValues<T>(string name)
        where T : unmanaged =>
        GetColumn<PrimitiveColumn<T>>(name).ToNullableArray();

    /// <summary>Values of a string column (nulls where the column is nullable; the column's storage).</summary>
    public string?[] GetStrings(string name) => GetColumn<StringColumn>(name).Values;

    /// <summary>Vectors of a float-vector column (nulls where the column is nullable; the column's storage).</summary>
    public float[]?[] GetFloatVectors(string name) => GetColumn<FloatVectorColumn>(name).Values;

    private T[] GetRequiredValues<T>(string name)
        where T : unmanaged
    {
        PrimitiveColumn<T> column = GetColumn<PrimitiveColumn<T>>(name);
        return column.IsNullable
            ? throw new InvalidOperationException(
                $"Column '{name}' is nullable; read it with GetNullableValues<{typeof(T).Name}>(\"{name}\") so nulls are not mistaken for values.")
            : column.Values;
    }

    private static string Describe(ParquetColumn column) => $"{(column.IsNullable ? "nullable " : string.Empty)}{column.Kind}";
}
