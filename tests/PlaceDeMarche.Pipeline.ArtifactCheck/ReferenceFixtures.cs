namespace PlaceDeMarche.Pipeline.ArtifactCheck;

/// <summary>
/// Writes the reference files of another writer (DuckDB) that the Parquet tests read: 20 rows whose values are a
/// function of the row number, so the tests can recompute every expected value, once per compression and page version
/// (version-2 pages bring DELTA_BINARY_PACKED, BYTE_STREAM_SPLIT and RLE_DICTIONARY encodings).
/// </summary>
public static class ReferenceFixtures
{
    private const string Rows = """
        SELECT
          CASE WHEN i % 5 = 3 THEN NULL ELSE (i * 7 - 20)::INTEGER END AS i32,
          (i::BIGINT * 3000000000 - 1)::BIGINT AS i64,
          (i / 4)::FLOAT AS f32,
          CASE WHEN i % 4 = 1 THEN NULL ELSE i * 0.25 - 1 END::DOUBLE AS f64,
          (i % 3 = 0) AS flag,
          CASE WHEN i % 6 = 5 THEN NULL ELSE 'name-' || (i % 4) || CASE WHEN i % 2 = 0 THEN '-é' ELSE '' END END AS label,
          CASE WHEN i % 7 = 6 THEN NULL WHEN i % 7 = 2 THEN []::FLOAT[]
               ELSE list_transform(range(i % 3 + 1), k -> (i + k / 2)::FLOAT) END AS vec
        FROM range(20) t(i)
        """;

    private static readonly (string File, string Options)[] Variants =
    [
        ("duckdb-uncompressed.parquet", "COMPRESSION 'uncompressed'"),
        ("duckdb-gzip.parquet", "COMPRESSION 'gzip'"),
        ("duckdb-snappy.parquet", "COMPRESSION 'snappy'"),
        ("duckdb-snappy-v2.parquet", "COMPRESSION 'snappy', PARQUET_VERSION 'V2'"),
        ("duckdb-zstd.parquet", "COMPRESSION 'zstd'"),
    ];

    public static void Write(string folder)
    {
        using var session = new DuckDbSession();
        foreach (var (file, options) in Variants)
        {
            var target = Path.Combine(folder, file).Replace("'", "''", StringComparison.Ordinal);
            session.Query($"COPY ({Rows}) TO '{target}' (FORMAT parquet, ROW_GROUP_SIZE 8, {options})");
        }
    }
}
