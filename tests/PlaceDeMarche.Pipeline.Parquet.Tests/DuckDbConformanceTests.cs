using PlaceDeMarche.Pipeline.ArtifactCheck;
using PlaceDeMarche.Pipeline.Parquet.Columns;

namespace PlaceDeMarche.Pipeline.Parquet.Tests;

/// <summary>Proof that DuckDB (embedded through DuckDB.NET) reads our files with the right schema and values.</summary>
public sealed class DuckDbConformanceTests
{
    private const int Rows = 23;

    [Theory]
    [InlineData(ParquetCompression.Gzip)]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Uncompressed)]
    public void DuckDbReadsEveryTypeWithNullsVectorsAndSeveralRowGroups(ParquetCompression compression)
    {
        using var file = new TempFile();
        // 23 rows in groups of 5 (5 row groups, the last partial), 64-byte pages so chunks hold several pages.
        ParquetWriter.Write(file.Path, SampleTable(), new ParquetWriteOptions { Compression = compression, RowGroupSize = 5, DataPageSize = 64 });

        var result = ParquetReadBack.Read(file.Path);

        Assert.Equal(
            [
                ("id", "INTEGER"), ("maybe_int", "INTEGER"), ("big", "BIGINT"), ("maybe_big", "BIGINT"),
                ("score", "FLOAT"), ("maybe_score", "FLOAT"), ("ratio", "DOUBLE"), ("maybe_ratio", "DOUBLE"),
                ("flag", "BOOLEAN"), ("maybe_flag", "BOOLEAN"), ("name", "VARCHAR"), ("maybe_name", "VARCHAR"),
                ("embedding", "FLOAT[]"), ("maybe_embedding", "FLOAT[]"),
            ],
            result.Schema);
        Assert.Equal(Rows, result.Rows.Count);
        for (int i = 0; i < Rows; i++)
        {
            Assert.Equal(Id(i), result.Value(i, "id"));
            Assert.Equal(IsNull(i) ? null : Id(i) * -3, result.Value(i, "maybe_int"));
            Assert.Equal(Big(i), result.Value(i, "big"));
            Assert.Equal(IsNull(i + 1) ? null : -Big(i), result.Value(i, "maybe_big"));
            Assert.Equal(Score(i), result.Value(i, "score"));
            Assert.Equal(IsNull(i + 2) ? null : -Score(i), result.Value(i, "maybe_score"));
            Assert.Equal(Ratio(i), result.Value(i, "ratio"));
            Assert.Equal(IsNull(i) ? null : Ratio(i) * 2, result.Value(i, "maybe_ratio"));
            Assert.Equal(Flag(i), result.Value(i, "flag"));
            Assert.Equal(IsNull(i + 1) ? null : !Flag(i), result.Value(i, "maybe_flag"));
            Assert.Equal(Name(i), result.Value(i, "name"));
            Assert.Equal(IsNull(i + 2) ? null : Name(i + 100), result.Value(i, "maybe_name"));
            Assert.Equal(Vector(i), Floats(result.Value(i, "embedding")));
            Assert.Equal(IsNull(i) ? null : Vector(i + 1), Floats(result.Value(i, "maybe_embedding")));
        }
    }

    [Fact]
    public void DuckDbReadsEmptyTable()
    {
        using var file = new TempFile();
        ParquetWriter.Write(file.Path, new ParquetTable(new PrimitiveColumn<int>("id", Array.Empty<int>()), new FloatVectorColumn("v", [])));

        var result = ParquetReadBack.Read(file.Path);

        Assert.Equal([("id", "INTEGER"), ("v", "FLOAT[]")], result.Schema);
        Assert.Empty(result.Rows);
    }

    /// <summary>Every column type twice, required and nullable, with deterministic values and null patterns.</summary>
    internal static ParquetTable SampleTable()
    {
        int[] rows = [.. Enumerable.Range(0, Rows)];
        return new ParquetTable(
            [
                new PrimitiveColumn<int>("id", [.. rows.Select(Id)]),
                new PrimitiveColumn<int>("maybe_int", [.. rows.Select(i => IsNull(i) ? (int?)null : Id(i) * -3)]),
                new PrimitiveColumn<long>("big", [.. rows.Select(Big)]),
                new PrimitiveColumn<long>("maybe_big", [.. rows.Select(i => IsNull(i + 1) ? (long?)null : -Big(i))]),
                new PrimitiveColumn<float>("score", [.. rows.Select(Score)]),
                new PrimitiveColumn<float>("maybe_score", [.. rows.Select(i => IsNull(i + 2) ? (float?)null : -Score(i))]),
                new PrimitiveColumn<double>("ratio", [.. rows.Select(Ratio)]),
                new PrimitiveColumn<double>("maybe_ratio", [.. rows.Select(i => IsNull(i) ? (double?)null : Ratio(i) * 2)]),
                new PrimitiveColumn<bool>("flag", [.. rows.Select(Flag)]),
                new PrimitiveColumn<bool>("maybe_flag", [.. rows.Select(i => IsNull(i + 1) ? (bool?)null : !Flag(i))]),
                new StringColumn("name", [.. rows.Select(Name)]),
                new StringColumn("maybe_name", [.. rows.Select(i => IsNull(i + 2) ? null : Name(i + 100))], isNullable: true),
                new FloatVectorColumn("embedding", [.. rows.Select(Vector)]),
                new FloatVectorColumn("maybe_embedding", [.. rows.Select(i => IsNull(i) ? null : Vector(i + 1))], isNullable: true),
            ],
            [new("provenance", "duckdb conformance test")]);
    }

    private static bool IsNull(int i) => i % 3 == 1;

    private static int Id(int i) => (i * 1_000_003) - 7_000_000;

    private static long Big(int i) => (i * 123_456_789_012L) + long.MinValue / 2;

    private static float Score(int i) => (i * 0.1f) - 1.5f;

    private static double Ratio(int i) => Math.Sqrt(i) / 7;

    private static bool Flag(int i) => i % 4 is 0 or 3;

    private static string Name(int i) => i % 5 == 0 ? string.Empty : $"produit n°{i} «{new string('x', i % 7)}» 🛒";

    // Lengths cycle through 0..6 so empty vectors and vectors spanning several 64-byte pages both occur.
    private static float[] Vector(int i) => [.. Enumerable.Range(0, i % 7 * 3).Select(k => (i * 0.5f) - (k / 3f))];

    /// <summary>A DuckDB FLOAT[] value (object?[] of boxed floats) as a float array; null stays null.</summary>
    private static float[]? Floats(object? list) => list is object?[] items ? [.. items.Select(item => (float)item!)] : null;
}
