using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Schema.Columns;
using PlaceDeMarche.Pipeline.Core.Tests.Fakes;

namespace PlaceDeMarche.Pipeline.Core.Tests.Schema;

public sealed class SiftExtractionTableTests : IDisposable
{
    private readonly TemporaryWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private string PathOf(string name) => Path.Combine(workspace.Root, name);

    [Fact]
    public void ThePartIsStandardParquetWithOneListEntryPerKeypointAndItsDescriptorsRowMajor()
    {
        float[] descriptors = [.. Enumerable.Range(0, 2 * SiftExtractionTable.DescriptorLength).Select(i => (float)i)];
        new SiftExtractionTable(["a", "b"], [[1, 2], []], [[3, 4], []], [[1.6f, 3.2f], []], [[0, 90], []], [[0.5f, 0.25f], []], [descriptors, []])
            .Write(PathOf("part.parquet"));

        // Read as a plain table, as any reader would: no knowledge of the SIFT types needed.
        var table = ParquetArtifact.Read(PathOf("part.parquet"));

        Assert.Equal(["id", "keypoints", "x", "y", "scale", "angle", "response", "descriptors"], table.Columns.Select(c => c.Name));
        Assert.Equal([2, 0], table.GetInt32s("keypoints"));
        Assert.Equal([3f, 4f], table.GetFloatVectors("y")[0]!);
        Assert.Equal(descriptors, table.GetFloatVectors("descriptors")[0]!);
        Assert.Empty(table.GetFloatVectors("descriptors")[1]!);
    }

    [Fact]
    public void RowsWhoseListsDisagreeAreNotWritten()
    {
        var path = PathOf("part.parquet");
        var error = Assert.Throws<ArgumentException>(() =>
            new SiftExtractionTable(["a"], [[1, 2]], [[3]], [[1, 1]], [[0, 0]], [[1, 1]], [new float[2 * SiftExtractionTable.DescriptorLength]]).Write(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("row 0 (product a) has 2 x values but not as many y, scale, angle and response values", error.Message);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData(2, SiftExtractionTable.DescriptorLength, "row 0 (product a) gives a keypoint count of 2 but lists 1 keypoint positions")]
    [InlineData(1, SiftExtractionTable.DescriptorLength - 1, "row 0 (product a) holds 127 descriptor values where its keypoint count, 1, needs 128")]
    public void AnotherWritersPartWhoseListsDisagreeIsRefusedNamingTheFileAndTheRow(int keypoints, int descriptorValues, string problem)
    {
        // Well-formed Parquet with one keypoint position, as another engine might write it, but counts that do not add up.
        var path = PathOf("part.parquet");
        ParquetArtifact.Write(path,
        [
            new StringColumn("id", ["a"]),
            new PrimitiveColumn<int>("keypoints", [keypoints]),
            new FloatVectorColumn("x", [[1f]]),
            new FloatVectorColumn("y", [[1f]]),
            new FloatVectorColumn("scale", [[1f]]),
            new FloatVectorColumn("angle", [[1f]]),
            new FloatVectorColumn("response", [[1f]]),
            new FloatVectorColumn("descriptors", [new float[descriptorValues]]),
        ]);

        var error = Assert.Throws<InvalidDataException>(() => SiftExtractionTable.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains(problem, error.Message);
    }
}
