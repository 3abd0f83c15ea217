using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Imaging.Stages;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Stages;

public sealed class ImageCnnCombinationStageTests : IDisposable
{
    private readonly StageHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public void KeepsThePhotosEveryModelEmbeddedWithEqualBlocks()
    {
        Directory.CreateDirectory(harness.PathOf("data/artifacts/image"));
        new FeatureTable(["a", "b", "c"], ["x", "y", "x"], [[1, 0], [0, 1], [1, 1]]).Write(harness.PathOf(ImageArtifactPaths.CnnEmbedding("mobilenetv2")));
        new FeatureTable(["c", "a"], ["x", "x"], [[30], [10]]).Write(harness.PathOf(ImageArtifactPaths.CnnEmbedding("resnet18")));

        harness.Run(new ImageCnnCombinationStage(), new ImageCnnCombinationParameters { Models = ["mobilenetv2", "resnet18"] });

        var table = FeatureTable.Read(harness.PathOf(ImageArtifactPaths.CnnCombined));
        Assert.Equal(["a", "c"], table.Ids);
        // Block 1 rows (1, 0), (1, 1): total variance 0.25; block 2 rows 10, 30: variance 100.
        Assert.Equal([2f, 0f, 1f], table.Vectors[0], (x, y) => Math.Abs(x - y) < 1e-5);
        Assert.Equal([2f, 2f, 3f], table.Vectors[1], (x, y) => Math.Abs(x - y) < 1e-5);
    }

    [Fact]
    public void IsEmptyWhenAModelDidNotRun()
    {
        Directory.CreateDirectory(harness.PathOf("data/artifacts/image"));
        new FeatureTable(["a"], ["x"], [[1f]]).Write(harness.PathOf(ImageArtifactPaths.CnnEmbedding("mobilenetv2")));
        new FeatureTable([], [], []).Write(harness.PathOf(ImageArtifactPaths.CnnEmbedding("resnet18")));

        var metrics = harness.Run(new ImageCnnCombinationStage(), new ImageCnnCombinationParameters { Models = ["mobilenetv2", "resnet18"] });

        Assert.Empty(FeatureTable.Read(harness.PathOf(ImageArtifactPaths.CnnCombined)).Ids);
        Assert.Contains("resnet18", (string)metrics["image.cnn.combined.status"]!);
    }

    [Fact]
    public void RejectsAnUnknownModel()
    {
        var error = Assert.Throws<PipelineConfigurationException>(() =>
            harness.Run(new ImageCnnCombinationStage(), new ImageCnnCombinationParameters { Models = ["mobilenetv2", "vgg16"] }));

        Assert.Contains("images.cnn_combination.models", error.Message);
    }
}
