using System.Text.Json.Nodes;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Stages;

public sealed class ImagePreprocessStageTests : IDisposable
{
    private static readonly (string, string, string?, string)[] ThreeProducts =
    [
        ("p1", "Watches", "baseline_420.jpg", "ok"),
        ("p2", "Watches", "baseline_444.jpg", "ok"),
        ("p3", "Baby Care", "progressive_444.jpg", "ok"),
    ];

    private readonly StageHarness harness = new();

    public void Dispose() => harness.Dispose();

    private static ImagePreprocessParameters SmallImages() => StudyConfiguration.Bind<ImagePreprocessParameters>("images.preprocess", p => { p.Size = 16; p.ThumbnailSize = 8; });

    [Fact]
    public void AddingAProductPreprocessesOnlyItsPhoto()
    {
        harness.WriteProducts(ThreeProducts);
        var first = harness.Run(new ImagePreprocessStage(), SmallImages());
        Assert.Equal(3, (int)first["image.preprocess.computed"]!);
        Assert.Equal(0, (int)first["image.preprocess.reused"]!);
        var firstIndex = ImageIndexTable.Read(harness.PathOf(ImageArtifactPaths.Index));

        harness.WriteProducts([.. ThreeProducts, ("p4", "Baby Care", "exif_orientation_6.jpg", "ok")]);
        var second = harness.Run(new ImagePreprocessStage(), SmallImages());

        Assert.Equal(1, (int)second["image.preprocess.computed"]!);
        Assert.Equal(3, (int)second["image.preprocess.reused"]!);
        var index = ImageIndexTable.Read(harness.PathOf(ImageArtifactPaths.Index));
        Assert.Equal(["p1", "p2", "p3", "p4"], index.Select(r => r.Id));
        Assert.All(index, r => Assert.True(r.IsUsable));
        Assert.Equal(firstIndex.Select(r => r.CacheKey), index.Take(3).Select(r => r.CacheKey));
        // exif_orientation_6.jpg is stored 24 x 16 and turned upright to 16 x 24.
        Assert.Equal((16, 24), (index[3].Width, index[3].Height));
    }

    [Fact]
    public void ChangingAParameterRecomputesEveryPhoto()
    {
        harness.WriteProducts(ThreeProducts);
        harness.Run(new ImagePreprocessStage(), SmallImages());

        var metrics = harness.Run(new ImagePreprocessStage(), StudyConfiguration.Bind<ImagePreprocessParameters>("images.preprocess", p => { p.Size = 20; p.ThumbnailSize = 8; }));

        Assert.Equal(3, (int)metrics["image.preprocess.computed"]!);
        Assert.Equal(0, (int)metrics["image.preprocess.reused"]!);
    }

    [Fact]
    public void CachedRunWritesTheSameBytesAsAColdRun()
    {
        harness.WriteProducts(ThreeProducts);
        harness.Run(new ImagePreprocessStage(), SmallImages());
        var coldPack = File.ReadAllBytes(harness.PathOf(ImageArtifactPaths.Preprocessed));
        var coldIndex = File.ReadAllBytes(harness.PathOf(ImageArtifactPaths.Index));

        var warm = harness.Run(new ImagePreprocessStage(), SmallImages());

        Assert.Equal(3, (int)warm["image.preprocess.reused"]!);
        Assert.Equal(coldPack, File.ReadAllBytes(harness.PathOf(ImageArtifactPaths.Preprocessed)));
        Assert.Equal(coldIndex, File.ReadAllBytes(harness.PathOf(ImageArtifactPaths.Index)));
    }

    [Fact]
    public void UnusablePhotosAreListedWithTheirReason()
    {
        harness.WriteProducts(
            ("missing", "Watches", null, "missing"),
            ("truncated", "Watches", "truncated.jpg", "ok"),
            ("text", "Watches", "text.txt", "ok"),
            ("bomb", "Watches", "absurd_65500x65500.jpg", "ok"),
            ("good", "Watches", "baseline_420.jpg", "ok"));

        var metrics = harness.Run(new ImagePreprocessStage(), SmallImages());

        var index = ImageIndexTable.Read(harness.PathOf(ImageArtifactPaths.Index));
        Assert.Equal(["missing", "truncated", "text", "bomb", "good"], index.Select(r => r.Id));
        Assert.Equal([false, false, false, false, true], index.Select(r => r.IsUsable));
        Assert.Equal("missing", index[0].Reason);
        Assert.Contains("JPEG or PNG", index[2].Reason);
        Assert.All(index.Take(4), r => Assert.Equal(0, r.Length));
        Assert.Equal(1, (int)metrics["image.usable_images"]!);
        var listed = metrics["image.unusable_images"]!.AsArray().Select(e => ((string)e!["id"]!, (string)e["reason"]!)).ToArray();
        Assert.Equal(["missing", "truncated", "text", "bomb"], listed.Select(e => e.Item1));
        Assert.All(listed, e => Assert.False(string.IsNullOrWhiteSpace(e.Item2)));
        Assert.Equal(4, harness.Warnings.Count);
        Assert.Equal(16 * 16, PreprocessedImage.Read(harness.PathOf(ImageArtifactPaths.Preprocessed), index[4]).Gray.Length);
    }
}
