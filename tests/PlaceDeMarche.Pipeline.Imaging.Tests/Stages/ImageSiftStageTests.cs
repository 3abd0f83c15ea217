using System.Text.Json.Nodes;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.Numerics.Stages;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Stages;

public sealed class ImageSiftStageTests : IDisposable
{
    private static readonly (string, string, string?, string)[] Products =
    [
        ("p1", "Watches", "baseline_420.jpg", "ok"),
        ("gone", "Watches", null, "missing"),
        ("p2", "Baby Care", "progressive_444.jpg", "ok"),
    ];

    private readonly StageHarness harness = new();

    public void Dispose() => harness.Dispose();

    private static SeededParameters<ImageSiftParameters> Sift() => new(7, StudyConfiguration.Bind<ImageSiftParameters>("images.sift", s => { s.Words = 4; s.MaxFeatures = 50; }));

    private static ImagePreprocessParameters PreprocessParameters() =>
        StudyConfiguration.Bind<ImagePreprocessParameters>("images.preprocess", p => { p.Size = 64; p.ThumbnailSize = 16; });

    /// <summary>Runs ImagePreprocess and ImageSift by shard, as <c>run --shard i/n</c> does; the metrics each SIFT shard published.</summary>
    private List<IReadOnlyDictionary<string, JsonNode?>> RunShards(int count)
    {
        var partitioned = new HashSet<string> { ImageArtifactPaths.Index, ImageArtifactPaths.Preprocessed, ImageArtifactPaths.SiftExtraction };
        var metrics = new List<IReadOnlyDictionary<string, JsonNode?>>();
        for (var index = 0; index < count; index++)
        {
            var shard = new Shard(index, count);
            harness.Run(new ShardedStage(new ImagePreprocessStage(), shard, partitioned), PreprocessParameters());
            metrics.Add(harness.Run(new ShardedStage(new ImageSiftStage(), shard, partitioned), Sift()));
        }

        return metrics;
    }

    private void Preprocess(params (string, string, string?, string)[] products)
    {
        harness.WriteProducts(products);
        harness.Run(new ImagePreprocessStage(), PreprocessParameters());
    }

    [Fact]
    public void OnlyUsablePhotosGetAVectorAndAddedPhotosAreTheOnlyOnesExtracted()
    {
        Preprocess(Products);
        var first = harness.Run(new ImageSiftStage(), Sift());
        Assert.Equal(2, (int)first["image.sift.computed"]!);

        Preprocess([.. Products, ("p3", "Baby Care", "baseline_444.jpg", "ok")]);
        var second = harness.Run(new ImageSiftStage(), Sift());

        Assert.Equal(1, (int)second["image.sift.computed"]!);
        Assert.Equal(2, (int)second["image.sift.reused"]!);
        var table = FeatureTable.Read(harness.PathOf(ImageArtifactPaths.SiftBagOfWords));
        Assert.Equal(["p1", "p2", "p3"], table.Ids);
        Assert.Equal(["Watches", "Baby Care", "Baby Care"], table.Categories);
        Assert.All(table.Vectors, v => Assert.Equal(4, v.Length));
        // l2 normalisation: unit rows (a photo with no keypoint would stay zero).
        Assert.All(table.Vectors, v => Assert.InRange(Math.Sqrt(v.Sum(x => (double)x * x)), 0.999, 1.001));
        var keypoints = KeypointTable.Read(harness.PathOf(ImageArtifactPaths.SiftKeypointExample));
        Assert.Equal("p1", keypoints.ProductId);
        Assert.InRange(keypoints.X.Length, 1, 50);
        Assert.All(keypoints.X, x => Assert.InRange(x, 0, 64));
    }

    [Fact]
    public void SameInputsGiveTheSameVectorsWithOrWithoutTheCache()
    {
        Preprocess(Products);
        harness.Run(new ImageSiftStage(), Sift());
        var cold = File.ReadAllBytes(harness.PathOf(ImageArtifactPaths.SiftBagOfWords));

        var warm = harness.Run(new ImageSiftStage(), Sift());

        Assert.Equal(0, (int)warm["image.sift.computed"]!);
        Assert.Equal(cold, File.ReadAllBytes(harness.PathOf(ImageArtifactPaths.SiftBagOfWords)));
    }

    [Fact]
    public void TheMergeFitsTheVocabularyOnTheShardPartsAloneWithTheBytesOfOneRun()
    {
        // Shard 0 of 2 holds p2 (and the product without a photo), shard 1 holds p1 and p3: the merge must reorder.
        Preprocess([.. Products, ("p3", "Baby Care", "baseline_444.jpg", "ok")]);
        harness.Run(new ImageSiftStage(), Sift());
        var outputs = new[] { ImageArtifactPaths.SiftBagOfWords, ImageArtifactPaths.SiftKeypointExample };
        var unsharded = outputs.Select(o => File.ReadAllBytes(harness.PathOf(o))).ToArray();
        Array.ForEach(outputs, o => File.Delete(harness.PathOf(o)));

        var metrics = RunShards(2);

        Assert.Equal(["p2"], SiftExtractionTable.Read(harness.PathOf(new Shard(0, 2).PartPath(ImageArtifactPaths.SiftExtraction))).Ids);
        var cache = harness.PathOf(ImageArtifactPaths.SiftCache);
        Directory.Delete(cache, recursive: true);

        var merged = harness.Merge(new ImageSiftStage(), Sift(), metrics);

        Assert.Equal(unsharded, outputs.Select(o => File.ReadAllBytes(harness.PathOf(o))).ToArray());
        Assert.False(Directory.Exists(cache), "the merge extracted the photos again instead of reading the parts");
        Assert.Equal(3, (int)merged["image.sift.reused"]!);
    }

    [Fact]
    public void AMissingPartStopsTheMergeNamingTheShardToRerun()
    {
        Preprocess([.. Products, ("p3", "Baby Care", "baseline_444.jpg", "ok")]);
        var metrics = RunShards(2);

        var part = harness.PathOf(new Shard(1, 2).PartPath(ImageArtifactPaths.SiftExtraction));
        File.Delete(part);

        var error = Assert.Throws<InvalidDataException>(() => harness.Merge(new ImageSiftStage(), Sift(), metrics));
        Assert.Contains(part, error.Message);
        Assert.Contains("run --shard 1/2 --target ImageSift", error.Message);
        Assert.False(File.Exists(harness.PathOf(ImageArtifactPaths.SiftBagOfWords)));
    }
}
