namespace PlaceDeMarche.Pipeline.ArtifactCheck;

/// <summary>A Parquet file as DuckDB reads it: its schema and every row (for conformance tests).</summary>
/// <param name="Schema">Column names and DuckDB types, in file order.</param>
/// <param name="Rows">Values in schema order; NULL is null, a list is an <c>object?[]</c>.</param>
public sealed record ParquetReadBack(IReadOnlyList<(string Name, string Type)> Schema, IReadOnlyList<object?[]> Rows)
{
    public static ParquetReadBack Read(string parquetPath)
    {
        using var session = new DuckDbSession();
        return new ParquetReadBack(session.Describe(parquetPath), session.Query($"SELECT * FROM {DuckDbSession.ParquetSource(parquetPath)}"));
    }

    /// <summary>The value of <paramref name="column"/> in row <paramref name="row"/>.</summary>
    public object? Value(int row, string column)
    {
        for (int i = 0; i < Schema.Count; i++)
        {
            if (Schema[i].Name == column)
            {
                return Rows[row][i];
            }
        }

        throw new KeyNotFoundException($"No column '{column}' in {string.Join(", ", Schema.Select(c => c.Name))}.");
    }
}
