using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Stages;

/// <summary>Augmented copies embedded by the real ResNet18 of its NuGet package, through the per-photo cache.</summary>
public sealed class ImageAugmentedEmbeddingStageTests : IDisposable
{
    private readonly StageHarness harness = new();

    public void Dispose() => harness.Dispose();

    private static ImageAugmentedEmbeddingStageParameters Parameters(int seed = 42, string[]? models = null) =>
        new(seed, StudyConfiguration.Bind<ImageAugmentationParameters>("images.augmentation", a => { a.Models = models ?? ["resnet18"]; a.Copies = 2; }), ImageCnnEmbeddingStageTests.ResNet18(), ImageCnnEmbeddingStageTests.ResNet18Files(), StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section));

    private void PreprocessTwoPhotos()
    {
        harness.WriteProducts(("p1", "Watches", "baseline_420.jpg", "ok"), ("gone", "Watches", null, "missing"), ("p2", "Baby Care", "large_baseline.jpg", "ok"));
        harness.Run(new ImagePreprocessStage(), StudyConfiguration.Bind<ImagePreprocessParameters>("images.preprocess", p => { p.Size = 16; p.ThumbnailSize = 8; }));
    }

    [Fact]
    public void EmbedsEachCopyOfEachUsablePhotoAsAVariantOfItsPhoto()
    {
        PreprocessTwoPhotos();
        harness.Run(new ImageCnnEmbeddingStage("resnet18"), new ImageCnnStageParameters(ImageCnnEmbeddingStageTests.ResNet18(), ImageCnnEmbeddingStageTests.ResNet18Files(), StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section)));
        var plain = FeatureTable.Read(harness.PathOf(ImageArtifactPaths.CnnEmbedding("resnet18")));

        var metrics = harness.Run(new ImageAugmentedEmbeddingStage("resnet18"), Parameters());

        var table = AugmentedFeatureTable.Read(harness.PathOf(ImageArtifactPaths.CnnAugmented("resnet18")));
        Assert.Equal(["p1", "p1", "p2", "p2"], table.Ids);
        Assert.Equal([0, 1, 0, 1], table.Copies);
        Assert.Equal(["Watches", "Watches", "Baby Care", "Baby Care"], table.Categories);
        Assert.Equal(4, table.Augmentations.Distinct().Count());
        Assert.All(table.Vectors, v => Assert.Equal(1, Math.Sqrt(v.Sum(x => (double)x * x)), 4));
        Assert.Equal(4, (int)metrics["image.augmented.resnet18.computed"]!);
        for (var i = 0; i < table.Ids.Length; i++)
        {
            var own = plain.Vectors[Array.IndexOf(plain.Ids, table.Ids[i])];
            var other = plain.Vectors[Array.IndexOf(plain.Ids, table.Ids[i] == "p1" ? "p2" : "p1")];
            // A copy is its photo transformed: changed, yet nearer its photo than the other photo is.
            Assert.True(Dot(table.Vectors[i], own) < 0.99999, $"copy {i} equals its photo's embedding");
            Assert.True(Dot(table.Vectors[i], own) > Dot(table.Vectors[i], other), $"copy {i} is nearer the other photo");
        }
    }

    [Fact]
    public void ARerunComputesNothingAndAnotherSeedDrawsNewCopies()
    {
        PreprocessTwoPhotos();
        harness.Run(new ImageAugmentedEmbeddingStage("resnet18"), Parameters());
        var first = File.ReadAllBytes(harness.PathOf(ImageArtifactPaths.CnnAugmented("resnet18")));

        var warm = harness.Run(new ImageAugmentedEmbeddingStage("resnet18"), Parameters());

        Assert.Equal(0, (int)warm["image.augmented.resnet18.computed"]!);
        Assert.Equal(4, (int)warm["image.augmented.resnet18.reused"]!);
        Assert.Equal(first, File.ReadAllBytes(harness.PathOf(ImageArtifactPaths.CnnAugmented("resnet18"))));

        var reseeded = harness.Run(new ImageAugmentedEmbeddingStage("resnet18"), Parameters(seed: 7));

        Assert.Equal(4, (int)reseeded["image.augmented.resnet18.computed"]!);
        Assert.NotEqual(first, File.ReadAllBytes(harness.PathOf(ImageArtifactPaths.CnnAugmented("resnet18"))));
    }

    [Fact]
    public void AModelNotListedGetsAnEmptyTableAndNeedsNoModelFile()
    {
        PreprocessTwoPhotos();
        var parameters = Parameters(models: ["mobilenetv2"]) with { ModelFiles = ImageCnnEmbeddingStageTests.ResNet18Files(("models/absent.onnx", new string('0', 64))) };

        var metrics = harness.Run(new ImageAugmentedEmbeddingStage("resnet18"), parameters);

        Assert.Empty(AugmentedFeatureTable.Read(harness.PathOf(ImageArtifactPaths.CnnAugmented("resnet18"))).Ids);
        Assert.Equal("not_requested", (string)metrics["image.augmented.resnet18.status"]!);
        Assert.Contains("images.augmentation.models", (string)metrics["image.augmented.resnet18.status_reason"]!);
    }

    [Fact]
    public void EachCopyHasItsOwnVariantWhateverTheOtherProducts()
    {
        var ranges = StudyConfiguration.Bind<ImageAugmentationParameters>("images.augmentation").Ranges();

        var first = ImageAugmentedEmbeddingStage.Variant(ranges, 42, "p1", 0);

        Assert.Equal(first, ImageAugmentedEmbeddingStage.Variant(ranges, 42, "p1", 0));
        Assert.NotEqual(first.Key, ImageAugmentedEmbeddingStage.Variant(ranges, 42, "p1", 1).Key);
        Assert.NotEqual(first.Key, ImageAugmentedEmbeddingStage.Variant(ranges, 42, "p2", 0).Key);
        Assert.NotEqual(first.Key, ImageAugmentedEmbeddingStage.Variant(ranges, 43, "p1", 0).Key);
        Assert.InRange(Math.Abs(first.RotationDegrees), 0, ranges.RotationDegrees);
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
