using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Stages;

public sealed class ImageColorHistogramStageTests : IDisposable
{
    private readonly StageHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public void EachUsablePhotoGetsAHistogramSummingToOne()
    {
        harness.WriteProducts(("p1", "Watches", "baseline_420.jpg", "ok"), ("gone", "Watches", null, "missing"), ("p2", "Baby Care", "png_rgb8.png", "ok"));
        harness.Run(new ImagePreprocessStage(), StudyConfiguration.Bind<ImagePreprocessParameters>("images.preprocess", p => { p.Size = 16; p.ThumbnailSize = 8; }));

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
        harness.Run(new ImagePreprocessStage(), StudyConfiguration.Bind<ImagePreprocessParameters>("images.preprocess", p => { p.Size = 16; p.ThumbnailSize = 8; }));

        var error = Assert.Throws<ArgumentException>(() => harness.Run(new ImageColorHistogramStage(), StudyConfiguration.Bind<ImageColorHistogramParameters>("images.color_histogram", h => h.Bins = [8, 4])));

        Assert.Contains("images.color_histogram.bins", error.Message);
    }
}
