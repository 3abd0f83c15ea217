using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Imaging.Stages;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Stages;

public sealed class ImageColorHistogramStageTests : IDisposable
{
    private readonly StageHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public void EachUsablePhotoGetsAHistogramSummingToOne()
    {
        harness.WriteProducts(("p1", "Watches", "baseline_420.jpg", "ok"), ("gone", "Watches", null, "missing"), ("p2", "Baby Care", "png_rgb8.png", "ok"));
        harness.Run(new ImagePreprocessStage(), new ImagePreprocessParameters { Size = 16, ThumbnailSize = 8 });

        harness.Run(new ImageColorHistogramStage(), new ImageColorHistogramParameters { Space = "rgb", Bins = [2, 2, 2] });

        var table = FeatureTable.Read(harness.PathOf(ImageArtifactPaths.ColorHistograms));
        Assert.Equal(["p1", "p2"], table.Ids);
        Assert.All(table.Vectors, v => Assert.Equal(8, v.Length));
        Assert.All(table.Vectors, v => Assert.Equal(1, v.Sum(), 4));
    }

    [Fact]
    public void RejectsAWrongNumberOfBinCounts()
    {
        harness.WriteProducts(("p1", "Watches", "baseline_420.jpg", "ok"));
        harness.Run(new ImagePreprocessStage(), new ImagePreprocessParameters { Size = 16, ThumbnailSize = 8 });

        var error = Assert.Throws<ArgumentException>(() => harness.Run(new ImageColorHistogramStage(), new ImageColorHistogramParameters { Bins = [8, 4] }));

        Assert.Contains("images.color_histogram.bins", error.Message);
    }
}
