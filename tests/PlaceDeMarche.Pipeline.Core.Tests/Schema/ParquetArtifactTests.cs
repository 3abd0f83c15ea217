using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Schema.Columns;
using PlaceDeMarche.Pipeline.Core.Tests.Fakes;

namespace PlaceDeMarche.Pipeline.Core.Tests.Schema;

/// <summary>Artifact tables written through Parquet.Net and read back: every column kind, nulls, row groups, damage.</summary>
public sealed class ParquetArtifactTests : IDisposable
{
    private readonly TemporaryWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void EveryColumnKindSurvives()
    {
        ParquetTable original = SampleTables.EveryKind();

        TableAssert.EqualAfterRoundTrip(original, RoundTrip(original));
    }

    [Fact]
    public void SpecialValuesSurvive()
    {
        var original = new ParquetTable(
            new PrimitiveColumn<float>("f", [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, float.Epsilon, float.MaxValue]),
            new PrimitiveColumn<double>("d", [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0d, double.Epsilon, double.MinValue]),
            new PrimitiveColumn<int>("i", [int.MinValue, int.MaxValue, 0, -1, 1, 42]),
            new PrimitiveColumn<long>("l", [long.MinValue, long.MaxValue, 0, -1, 1, 42]),
            new StringColumn("s", [string.Empty, "\0", "tab\tnew\nline", "日本語", "😀", new string('z', 100_000)]),
            new FloatVectorColumn("v", [[], [float.NaN], [-0f], [], [1, 2, 3], []]));

        TableAssert.EqualAfterRoundTrip(original, RoundTrip(original));
    }

    [Fact]
    public void AllNullAndNoNullNullableColumnsKeepTheirNullability()
    {
        var original = new ParquetTable(
            new PrimitiveColumn<int>("all_null", new int?[] { null, null, null }),
            new PrimitiveColumn<int>("no_null", new int?[] { 1, 2, 3 }),
            new PrimitiveColumn<bool>("required", [true, false, true]),
            new StringColumn("strings", [null, null, null], isNullable: true),
            new StringColumn("required_strings", ["a", "b", "c"]),
            new FloatVectorColumn("vectors", [null, null, null], isNullable: true));

        ParquetTable copy = RoundTrip(original);

        TableAssert.EqualAfterRoundTrip(original, copy);
        Assert.True(copy.GetColumn("no_null").IsNullable);
        Assert.False(copy.GetColumn("required").IsNullable);
        Assert.False(copy.GetColumn("required_strings").IsNullable);
    }

    [Fact]
    public void EmptyTableKeepsItsSchema()
    {
        var original = new ParquetTable(
            new StringColumn("s", []),
            new PrimitiveColumn<double>("d", Array.Empty<double>(), validity: []),
            new FloatVectorColumn("v", []));

        ParquetTable copy = RoundTrip(original);

        Assert.Equal(0, copy.RowCount);
        TableAssert.EqualAfterRoundTrip(original, copy);
    }

    [Fact]
    public void RowGroupsSplitEveryColumnKind()
    {
        ParquetTable original = SampleTables.SeveralRowGroups(ParquetArtifact.RowGroupSize + 3);

        TableAssert.EqualAfterRoundTrip(original, RoundTrip(original));
    }

    [Fact]
    public void SameTableGivesSameBytes()
    {
        ParquetTable table = SampleTables.EveryKind();

        Assert.Equal(Write(table), Write(table));
    }

    [Fact]
    public void LargeFloatVectorsRoundTrip()
    {
        // The pipeline's widest artifacts: about a thousand vectors of a few thousand floats.
        var random = new Random(1050);
        var vectors = new float[]?[1050];
        for (int row = 0; row < vectors.Length; row++)
        {
            vectors[row] = [.. Enumerable.Range(0, 5000).Select(_ => (float)random.NextDouble())];
        }

        var original = new ParquetTable(new FloatVectorColumn("embedding", vectors), new PrimitiveColumn<int>("row", [.. Enumerable.Range(0, 1050)]));

        TableAssert.EqualAfterRoundTrip(original, RoundTrip(original));
    }

    [Fact]
    public void ArtifactWriteReplacesTheFileAtomically()
    {
        string path = Path.Combine(workspace.Root, "text", "table.parquet");
        ParquetArtifact.Write(path, [new PrimitiveColumn<int>("x", [1, 2])]);
        ParquetArtifact.Write(path, [new PrimitiveColumn<int>("x", [3])]);

        Assert.Equal([3], ParquetArtifact.Read(path).GetInt32s("x"));
        Assert.Equal(["table.parquet"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { (byte)'P', (byte)'A', (byte)'R', (byte)'1' })]
    [InlineData(new byte[] { 1, 2, 3, 4, 0, 0, 0, 0, (byte)'P', (byte)'A', (byte)'R', (byte)'1' })]
    [InlineData(new byte[] { (byte)'P', (byte)'A', (byte)'R', (byte)'1', 0xFF, 0, 0, 0, (byte)'P', (byte)'A', (byte)'R', (byte)'1' })]
    public void GarbageFailsNamingTheFile(byte[] bytes)
    {
        string path = Path.Combine(workspace.Root, "garbage.parquet");
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => ParquetArtifact.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("rerun the stage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTruncationFailsNamingTheFile()
    {
        byte[] valid = Write(SampleTables.EveryKind());
        string path = Path.Combine(workspace.Root, "truncated.parquet");
        for (int length = 0; length < valid.Length; length += 97)
        {
            File.WriteAllBytes(path, valid[..length]);

            var error = Assert.Throws<InvalidDataException>(() => ParquetArtifact.Read(path));

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
    }

    private static ParquetTable RoundTrip(ParquetTable table)
    {
        using var stream = new MemoryStream(Write(table));
        return ParquetArtifact.Read(stream);
    }

    private static byte[] Write(ParquetTable table)
    {
        using var stream = new MemoryStream();
        ParquetArtifact.Write(stream, table);
        return stream.ToArray();
    }
}
