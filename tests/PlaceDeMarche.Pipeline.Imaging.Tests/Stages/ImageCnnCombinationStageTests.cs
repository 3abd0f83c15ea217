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
        new FeatureTable(["c", "a"], ["x", "x"], [[0, 2], [3, 4]]).Write(harness.PathOf(ImageArtifactPaths.CnnEmbedding("resnet18")));

        harness.Run(new ImageCnnCombinationStage(), new ImageCnnCombinationParameters { Models = ["mobilenetv2", "resnet18"] });

        var table = FeatureTable.Read(harness.PathOf(ImageArtifactPaths.CnnCombined));
        Assert.Equal(["a", "c"], table.Ids);
        // Rows to unit length, centred, each block to total variance 1. Block 1: (1, 0) and (0.7071, 0.7071) centred to
        // ±(0.1464, -0.3536), variance 0.1464; block 2: (0.6, 0.8) and (0, 1) centred to ±(0.3, -0.1), variance 0.1.
        Assert.Equal([0.38268f, -0.92388f, 0.94868f, -0.31623f], table.Vectors[0], (x, y) => Math.Abs(x - y) < 1e-4);
        Assert.Equal([-0.38268f, 0.92388f, -0.94868f, 0.31623f], table.Vectors[1], (x, y) => Math.Abs(x - y) < 1e-4);
    }

    [Fact]
    public void IsEmptyWhenAModelDidNotRun()
    {
        Directory.CreateDirectory(harness.PathOf("data/artifacts/image"));
        new FeatureTable(["a"], ["x"], [[1f]]).Write(harness.PathOf(ImageArtifactPaths.CnnEmbedding("mobilenetv2")));
        new FeatureTable([], [], []).Write(harness.PathOf(ImageArtifactPaths.CnnEmbedding("resnet18")));

        var metrics = harness.Run(new ImageCnnCombinationStage(), new ImageCnnCombinationParameters { Models = ["mobilenetv2", "resnet18"] });

        Assert.Empty(FeatureTable.Read(harness.PathOf(ImageArtifactPaths.CnnCombined)).Ids);
        Assert.Equal("not_run", (string)metrics["image.cnn.combined.status"]!);
        Assert.Contains("resnet18", (string)metrics["image.cnn.combined.status_reason"]!);
    }

    [Fact]
    public void RejectsAnUnknownModel()
    {
        var error = Assert.Throws<PipelineConfigurationException>(() =>
            harness.Run(new ImageCnnCombinationStage(), new ImageCnnCombinationParameters { Models = ["mobilenetv2", "vgg16"] }));

        Assert.Contains("images.cnn_combination.models", error.Message);
    }
}
