namespace PlaceDeMarche.Pipeline.Core.Schema.Columns;

/// <summary>
/// A column whose values are references (strings, vectors), so null marks a missing value. The array is the
/// column's own storage (not copied); a required column rejects nulls up front.
/// </summary>
public abstract class ReferenceColumn<T> : ParquetColumn
    where T : class
{
    private protected ReferenceColumn(string name, T?[] values, bool isNullable)
        : base(name, isNullable)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!isNullable)
        {
            int firstNull = Array.IndexOf(values, null);
            if (firstNull >= 0)
            {
                throw new ArgumentException(
                    $"Column '{name}' is required but row {firstNull} is null; pass isNullable: true to allow nulls.",
                    nameof(values));
            }
        }

        Values = values;
    }

    /// <summary>The values (the column's own storage).</summary>
    public T?[] Values { get; }

    /// <inheritdoc />
    public override int RowCount => Values.Length;

    /// <inheritdoc />
    public override bool IsNull(int row) => Values[row] is null;
}
