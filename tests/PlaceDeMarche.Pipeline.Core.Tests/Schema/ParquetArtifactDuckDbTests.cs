using System.Globalization;
using PlaceDeMarche.Pipeline.ArtifactCheck;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Tests.Fakes;

namespace PlaceDeMarche.Pipeline.Core.Tests.Schema;

/// <summary>
/// DuckDB (embedded through DuckDB.NET) as the independent party: it reads our files with the expected types and
/// values, and writes the reference files we must read.
/// </summary>
public sealed class ParquetArtifactDuckDbTests : IDisposable
{
    private const int ReferenceRows = 20;

    private readonly TemporaryWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void DuckDbReadsEveryKindWithItsTypeAndValues()
    {
        string path = WriteArtifact("every-kind.parquet", SampleTables.EveryKind());

        var result = ParquetReadBack.Read(path);

        Assert.Equal(
            [
                ("id", "INTEGER"), ("maybe_int", "INTEGER"), ("big", "BIGINT"), ("maybe_big", "BIGINT"),
                ("score", "FLOAT"), ("maybe_score", "FLOAT"), ("ratio", "DOUBLE"), ("maybe_ratio", "DOUBLE"),
                ("flag", "BOOLEAN"), ("maybe_flag", "BOOLEAN"), ("name", "VARCHAR"), ("maybe_name", "VARCHAR"),
                ("embedding", "FLOAT[]"), ("maybe_embedding", "FLOAT[]"),
            ],
            result.Schema);
        Assert.Equal(SampleTables.EveryKindRows, result.Rows.Count);
        for (int i = 0; i < SampleTables.EveryKindRows; i++)
        {
            Assert.Equal(SampleTables.Id(i), result.Value(i, "id"));
            Assert.Equal(SampleTables.IsNull(i) ? null : SampleTables.Id(i) * -3, result.Value(i, "maybe_int"));
            Assert.Equal(SampleTables.Big(i), result.Value(i, "big"));
            Assert.Equal(SampleTables.IsNull(i + 1) ? null : -SampleTables.Big(i), result.Value(i, "maybe_big"));
            Assert.Equal(SampleTables.Score(i), result.Value(i, "score"));
            Assert.Equal(SampleTables.IsNull(i + 2) ? null : -SampleTables.Score(i), result.Value(i, "maybe_score"));
            Assert.Equal(SampleTables.Ratio(i), result.Value(i, "ratio"));
            Assert.Equal(SampleTables.IsNull(i) ? null : SampleTables.Ratio(i) * 2, result.Value(i, "maybe_ratio"));
            Assert.Equal(SampleTables.Flag(i), result.Value(i, "flag"));
            Assert.Equal(SampleTables.IsNull(i + 1) ? null : !SampleTables.Flag(i), result.Value(i, "maybe_flag"));
            Assert.Equal(SampleTables.Name(i), result.Value(i, "name"));
            Assert.Equal(SampleTables.IsNull(i + 2) ? null : SampleTables.Name(i + 100), result.Value(i, "maybe_name"));
            Assert.Equal(SampleTables.Vector(i), Floats(result.Value(i, "embedding")));
            Assert.Equal(SampleTables.IsNull(i) ? null : SampleTables.Vector(i + 1), Floats(result.Value(i, "maybe_embedding")));
        }
    }

    [Fact]
    public void FileUsesTheStandardLayoutAndSnappy()
    {
        string path = WriteArtifact("layout.parquet", SampleTables.EveryKind());
        using var session = new DuckDbSession();
        string file = path.Replace("'", "''", StringComparison.Ordinal);

        // Vectors: the 3-level LIST <column> (LIST) { repeated group list { required float element } }; strings UTF8.
        var schema = session.Query($"SELECT name, repetition_type, converted_type FROM parquet_schema('{file}') WHERE name IN ('embedding', 'list', 'element', 'name')");
        Assert.Contains(["embedding", "OPTIONAL", "LIST"], schema);
        Assert.Contains(["list", "REPEATED", null], schema);
        Assert.Contains(["element", "REQUIRED", null], schema);
        Assert.Contains(["name", "REQUIRED", "UTF8"], schema);
        Assert.Equal(
            ["SNAPPY"],
            session.Query($"SELECT DISTINCT compression FROM parquet_metadata('{file}')").Select(row => (string)row[0]!));
        Assert.StartsWith("Parquet.Net", session.Scalar<string>($"SELECT created_by FROM parquet_file_metadata('{file}')"), StringComparison.Ordinal);
    }

    [Fact]
    public void DuckDbReadsEveryRowGroup()
    {
        int rows = ParquetArtifact.RowGroupSize + 3;
        string path = WriteArtifact("row-groups.parquet", SampleTables.SeveralRowGroups(rows));
        using var session = new DuckDbSession();
        string source = DuckDbSession.ParquetSource(path);

        Assert.Equal(2, session.Scalar<int>($"SELECT count(*) FROM parquet_metadata('{path.Replace("'", "''", StringComparison.Ordinal)}') WHERE path_in_schema = 'id'"));
        Assert.Equal(rows, session.Scalar<int>($"SELECT count(*) FROM {source}"));
        long expectedFloats = Enumerable.Range(0, rows).Where(i => i % 7 != 0).Sum(i => (long)(i % 4));
        Assert.Equal(expectedFloats, session.Scalar<long>($"SELECT sum(len(vector))::BIGINT FROM {source}"));
        // The rows on each side of the group boundary.
        foreach (int i in new[] { rows - 4, rows - 3, rows - 2 })
        {
            object?[] row = session.Query($"SELECT label, vector FROM {source} WHERE id = {i}").Single();
            Assert.Equal(i % 5 == 0 ? null : $"l{i % 11}", row[0]);
            Assert.Equal(i % 7 == 0 ? null : Enumerable.Range(0, i % 4).Select(k => i + (k / 4f)).ToArray(), Floats(row[1]));
        }
    }

    [Theory]
    [InlineData("duckdb-uncompressed.parquet")]
    [InlineData("duckdb-gzip.parquet")]
    [InlineData("duckdb-snappy.parquet")]
    [InlineData("duckdb-snappy-v2.parquet")]
    [InlineData("duckdb-zstd.parquet")]
    public void ReadsEveryColumnOfAFileDuckDbWrote(string name)
    {
        ReferenceFixtures.Write(workspace.Root);

        ParquetTable table = ParquetArtifact.Read(Path.Combine(workspace.Root, name));

        Assert.Equal(ReferenceRows, table.RowCount);
        Assert.Equal(["i32", "i64", "f32", "f64", "flag", "label", "vec"], table.Columns.Select(c => c.Name));
        Assert.All(table.Columns, column => Assert.True(column.IsNullable)); // DuckDB writes every column OPTIONAL.
        int[] range = [.. Enumerable.Range(0, ReferenceRows)];
        Assert.Equal(range.Select(i => i % 5 == 3 ? (int?)null : (i * 7) - 20), table.GetNullableValues<int>("i32"));
        Assert.Equal(range.Select(i => (long?)((i * 3_000_000_000L) - 1)), table.GetNullableValues<long>("i64"));
        Assert.Equal(range.Select(i => (float?)(i / 4f)), table.GetNullableValues<float>("f32"));
        Assert.Equal(range.Select(i => i % 4 == 1 ? (double?)null : (i * 0.25) - 1), table.GetNullableValues<double>("f64"));
        Assert.Equal(range.Select(i => (bool?)(i % 3 == 0)), table.GetNullableValues<bool>("flag"));
        Assert.Equal(
            range.Select(i => i % 6 == 5 ? null : $"name-{i % 4}{(i % 2 == 0 ? "-é" : string.Empty)}"),
            table.GetStrings("label"));
        float[]?[] vectors = table.GetFloatVectors("vec");
        for (int i = 0; i < ReferenceRows; i++)
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

    [Theory]
    [InlineData("SELECT 1::SMALLINT AS small", "'small'")]
    [InlineData("SELECT {'a': 1} AS pair", "'pair'")]
    [InlineData("SELECT [1, NULL]::FLOAT[] AS holes", "'holes' row 0 holds a null element")]
    public void AColumnATableCannotHoldIsNamed(string select, string expectedFragment)
    {
        string path = Path.Combine(workspace.Root, "other.parquet");
        using (var session = new DuckDbSession())
        {
            session.Query($"COPY ({select}) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)");
        }

        var error = Assert.Throws<InvalidDataException>(() => ParquetArtifact.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expectedFragment, error.Message, StringComparison.Ordinal);
    }

    private string WriteArtifact(string name, ParquetTable table)
    {
        string path = Path.Combine(workspace.Root, name);
        ParquetArtifact.Write(path, table.Columns);
        return path;
    }

    /// <summary>A DuckDB FLOAT[] value (object?[] of boxed floats) as a float array; null stays null.</summary>
    private static float[]? Floats(object? list) =>
        list is object?[] items ? [.. items.Select(item => Convert.ToSingle(item, CultureInfo.InvariantCulture))] : null;
}
