using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Schema;
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

    private void Preprocess(params (string, string, string?, string)[] products)
    {
        harness.WriteProducts(products);
        harness.Run(new ImagePreprocessStage(), StudyConfiguration.Bind<ImagePreprocessParameters>("images.preprocess", p => { p.Size = 64; p.ThumbnailSize = 16; }));
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
}
