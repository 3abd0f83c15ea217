using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Imaging.Features.Sift;
using PlaceDeMarche.Pipeline.Imaging.Stages;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Stages;

public sealed class SiftExtractionPartTests : IDisposable
{
    private readonly StageHarness harness = new();

    public void Dispose() => harness.Dispose();

    private string PartPath => harness.PathOf("data/artifacts/shards/image/sift-extraction/part-0-of-1.parquet");

    [Fact]
    public void APartGivesBackEveryKeypointAndDescriptorBit()
    {
        // Bits a lossy or re-encoding writer would change: negative zero, a subnormal, the largest float, a NaN payload.
        var odd = new[] { -0f, float.Epsilon, float.MaxValue, BitConverter.Int32BitsToSingle(0x7FC0_0001), 1f / 3 };
        var descriptors = Enumerable.Range(0, 2 * SiftFeatures.DescriptorLength).Select(i => i < odd.Length ? odd[i] : MathF.Sqrt(i) / 97).ToArray();
        var features = new[]
        {
            new SiftFeatures([new SiftKeypoint(12.5f, -0f, 1.6f, 359.99f, 0.031f), new SiftKeypoint(float.Epsilon, 63f, 3.2f, 0f, 1e-7f)], descriptors),
            new SiftFeatures([], []),
        };

        SiftExtractionPart.ToTable(["a", "no keypoint"], features).Write(PartPath);
        var table = SiftExtractionPart.Read(PartPath, "0/1");

        Assert.Equal(["a", "no keypoint"], table.Ids);
        for (var row = 0; row < features.Length; row++)
        {
            var back = SiftExtractionPart.FeaturesOf(table, row);
            Assert.Equal(features[row].Keypoints.Select(Bits), back.Keypoints.Select(Bits));
            Assert.Equal(features[row].Descriptors.Select(BitConverter.SingleToInt32Bits), back.Descriptors.Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Fact]
    public void TheSchemaTypeAndTheExtractorAgreeOnTheDescriptorLength() =>
        Assert.Equal(SiftFeatures.DescriptorLength, SiftExtractionTable.DescriptorLength);

    [Fact]
    public void AMissingPartNamesItselfAndTheShardToRerun()
    {
        var error = Assert.Throws<InvalidDataException>(() => SiftExtractionPart.Read(PartPath, "0/1"));

        Assert.Contains(PartPath, error.Message);
        Assert.Contains("is missing", error.Message);
        Assert.Contains("`placedemarche-pipeline run --shard 0/1 --target ImageSift`", error.Message);
    }

    [Fact]
    public void ATruncatedPartNamesItselfAndTheShardToRerun()
    {
        SiftExtractionPart.ToTable(["a"], [new SiftFeatures([new SiftKeypoint(1, 2, 3, 4, 5)], new float[SiftFeatures.DescriptorLength])]).Write(PartPath);
        var bytes = File.ReadAllBytes(PartPath);
        File.WriteAllBytes(PartPath, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<InvalidDataException>(() => SiftExtractionPart.Read(PartPath, "0/1"));

        Assert.Contains(PartPath, error.Message);
        Assert.Contains("is damaged", error.Message);
        Assert.Contains("--shard 0/1", error.Message);
    }

    private static (int, int, int, int, int) Bits(SiftKeypoint k) =>
        (BitConverter.SingleToInt32Bits(k.X), BitConverter.SingleToInt32Bits(k.Y), BitConverter.SingleToInt32Bits(k.Scale),
            BitConverter.SingleToInt32Bits(k.Angle), BitConverter.SingleToInt32Bits(k.Response));
}
