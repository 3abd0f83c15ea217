using System.Collections;
using System.Globalization;
using DuckDB.NET.Data;

namespace PlaceDeMarche.Pipeline.ArtifactCheck;

/// <summary>An in-memory DuckDB database for reading Parquet files with SQL (an independent Parquet reader).</summary>
public sealed class DuckDbSession : IDisposable
{
    private readonly DuckDBConnection connection = new("DataSource=:memory:");

    public DuckDbSession() => connection.Open();

    /// <summary>The SQL table expression reading <paramref name="parquetPath"/> (quotes in the path are escaped).</summary>
    public static string ParquetSource(string parquetPath) => $"read_parquet('{parquetPath.Replace("'", "''", StringComparison.Ordinal)}')";

    /// <summary>Column names and DuckDB types of <paramref name="parquetPath"/>, as DuckDB infers them.</summary>
    public IReadOnlyList<(string Name, string Type)> Describe(string parquetPath) =>
        Query($"DESCRIBE SELECT * FROM {ParquetSource(parquetPath)}")
            .Select(row => ((string)row[0]!, (string)row[1]!))
            .ToList();

    /// <summary>Every row of a query; lists come back as <c>object?[]</c>, everything else as DuckDB.NET returns it.</summary>
    public IReadOnlyList<object?[]> Query(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Normalise(reader.GetValue(i));
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The single value of a one-row, one-column query, converted to <typeparamref name="T"/>.</summary>
    public T Scalar<T>(string sql)
    {
        var value = Query(sql).Single()[0] ?? throw new InvalidOperationException($"'{sql}' returned NULL.");
        return (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }

    public void Dispose() => connection.Dispose();

    private static object? Normalise(object value) =>
        value is IList list and not byte[] ? list.Cast<object?>().ToArray() : value;
}
