namespace PlaceDeMarche.Pipeline.Parquet.Tests;

/// <summary>Reads files written by DuckDB (see Fixtures/README.md); expected values follow make-fixtures.mjs's SQL.</summary>
public sealed class DuckDbFixtureTests
{
    private const int Rows = 20;

    [Theory]
    [InlineData("duckdb-uncompressed.parquet")]
    [InlineData("duckdb-gzip.parquet")]
    [InlineData("duckdb-snappy.parquet")]
    [InlineData("duckdb-snappy-v2.parquet")]
    public void ReadsEveryColumnOfDuckDbFile(string name)
    {
        ParquetTable table = ParquetReader.Read(FixturePath(name));

        Assert.Equal(Rows, table.RowCount);
        Assert.Equal(["i32", "i64", "f32", "f64", "flag", "label", "vec"], table.Columns.Select(c => c.Name));
        Assert.All(table.Columns, column => Assert.True(column.IsNullable)); // DuckDB writes every column OPTIONAL.
        int[] range = [.. Enumerable.Range(0, Rows)];
        Assert.Equal(range.Select(i => i % 5 == 3 ? (int?)null : (i * 7) - 20), table.GetNullableValues<int>("i32"));
        Assert.Equal(range.Select(i => (long?)((i * 3_000_000_000L) - 1)), table.GetNullableValues<long>("i64"));
        Assert.Equal(range.Select(i => (float?)(i / 4f)), table.GetNullableValues<float>("f32"));
        Assert.Equal(range.Select(i => i % 4 == 1 ? (double?)null : (i * 0.25) - 1), table.GetNullableValues<double>("f64"));
        Assert.Equal(range.Select(i => (bool?)(i % 3 == 0)), table.GetNullableValues<bool>("flag"));
        Assert.Equal(
            range.Select(i => i % 6 == 5 ? null : $"name-{i % 4}{(i % 2 == 0 ? "-é" : string.Empty)}"),
            table.GetStrings("label"));
        float[]?[] vectors = table.GetFloatVectors("vec");
        for (int i = 0; i < Rows; i++)
        {
            float[]? expected = (i % 7) switch
            {
                6 => null,
                2 => [],
                _ => [.. Enumerable.Range(0, (i % 3) + 1).Select(k => i + (k / 2f))],
            };
            Assert.Equal(expected, vectors[i]);
        }
    }

    [Fact]
    public void ReadsDuckDbSchemaWithoutData()
    {
        ParquetFileInfo info = ParquetReader.ReadSchema(FixturePath("duckdb-snappy.parquet"));

        Assert.Equal(Rows, info.RowCount);
        Assert.Equal(1, info.RowGroupCount);
        Assert.StartsWith("DuckDB", info.CreatedBy, StringComparison.Ordinal);
        Assert.Equal(
            [
                new ParquetColumnInfo("i32", Columns.ParquetValueKind.Int32, true),
                new ParquetColumnInfo("i64", Columns.ParquetValueKind.Int64, true),
                new ParquetColumnInfo("f32", Columns.ParquetValueKind.Float, true),
                new ParquetColumnInfo("f64", Columns.ParquetValueKind.Double, true),
                new ParquetColumnInfo("flag", Columns.ParquetValueKind.Boolean, true),
                new ParquetColumnInfo("label", Columns.ParquetValueKind.String, true),
                new ParquetColumnInfo("vec", Columns.ParquetValueKind.FloatVector, true),
            ],
            info.Columns);
    }

    [Fact]
    public void UnsupportedCodecNamesColumnAndCodec()
    {
        var error = Assert.Throws<NotSupportedException>(() => ParquetReader.Read(FixturePath("duckdb-zstd.parquet"), ["label"]));

        Assert.Contains("'label'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ZSTD", error.Message, StringComparison.Ordinal);
    }

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
