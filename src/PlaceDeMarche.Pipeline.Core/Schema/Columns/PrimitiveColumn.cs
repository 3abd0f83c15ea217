namespace PlaceDeMarche.Pipeline.Core.Schema.Columns;

/// <summary>
/// A column of <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>, <see cref="float"/> or
/// <see cref="double"/> values, stored as a value array plus, for nullable columns, a validity array.
/// </summary>
/// <typeparam name="T">One of bool, int, long, float, double.</typeparam>
public sealed class PrimitiveColumn<T> : ParquetColumn
    where T : unmanaged
{
    private readonly bool[]? _validity;

    /// <summary>Creates a required (non-nullable) column over <paramref name="values"/> (not copied).</summary>
    public PrimitiveColumn(string name, T[] values)
        : this(name, values, validity: null)
    {
    }

    /// <summary>Creates a nullable column; null entries become nulls in the file.</summary>
    public PrimitiveColumn(string name, T?[] values)
        : this(name, ValuesOf(values), ValidityOf(values))
    {
    }

    /// <summary>
    /// Creates a column from values and an optional validity array (not copied): with a validity array the column
    /// is nullable and row i is null where <c>validity[i]</c> is false; entries of <paramref name="values"/> at null
    /// rows are ignored.
    /// </summary>
    public PrimitiveColumn(string name, T[] values, bool[]? validity)
        : base(name, validity is not null)
    {
        ArgumentNullException.ThrowIfNull(values);
        Kind = KindOf(name);
        if (validity is not null && validity.Length != values.Length)
        {
            throw new ArgumentException(
                $"Column '{name}': validity has {validity.Length} entries but there are {values.Length} values.",
                nameof(validity));
        }

        Values = values;
        _validity = validity;
    }

    /// <inheritdoc />
    public override ParquetValueKind Kind { get; }

    /// <inheritdoc />
    public override int RowCount => Values.Length;

    /// <summary>The values (the column's own storage; entries at null rows are meaningless).</summary>
    public T[] Values { get; }

    /// <summary>Validity per row (true = present), or null for a required column.</summary>
    public ReadOnlySpan<bool> Validity => _validity;

    /// <inheritdoc />
    public override bool IsNull(int row) => _validity is not null && !_validity[row];

    /// <summary>Copies the column into a nullable array.</summary>
    public T?[] ToNullableArray()
    {
        var result = new T?[Values.Length];
        for (int row = 0; row < result.Length; row++)
        {
            result[row] = IsNull(row) ? null : Values[row];
        }

        return result;
    }

    private static ParquetValueKind KindOf(string name) => typeof(T) switch
    {
        var t when t == typeof(bool) => ParquetValueKind.Boolean,
        var t when t == typeof(int) => ParquetValueKind.Int32,
        var t when t == typeof(long) => ParquetValueKind.Int64,
        var t when t == typeof(float) => ParquetValueKind.Float,
        var t when t == typeof(double) => ParquetValueKind.Double,
        _ => throw new NotSupportedException(
            $"Column '{name}': element type {typeof(T).Name} is not supported; use bool, int, long, float or double."),
    };

    private static T[] ValuesOf(T?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new T[values.Length];
        for (int row = 0; row < values.Length; row++)
        {
            result[row] = values[row].GetValueOrDefault();
        }

        return result;
    }

    private static bool[] ValidityOf(T?[] values)
    {
        var result = new bool[values.Length];
        for (int row = 0; row < values.Length; row++)
        {
            result[row] = values[row].HasValue;
        }

        return result;
    }
}
