using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Imaging.Features.ColorHistogram;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>
/// A joint colour histogram of each usable photo's thumbnail: the cheap global baseline beside SIFT. Not cached per
/// image: a thumbnail's histogram costs microseconds, less than reading a cache entry.
/// </summary>
public sealed class ImageColorHistogramStage : Stage<ImageColorHistogramParameters>
{
    public override string Name => "ImageColorHistogram";

    public override string Description => "Joint colour histogram of every usable photo";

    public override IReadOnlyList<string> Inputs { get; } = [ImageArtifactPaths.Index, ImageArtifactPaths.Preprocessed];

    public override IReadOnlyList<string> Outputs { get; } = [ImageArtifactPaths.ColorHistograms];

    protected override ImageColorHistogramParameters BindParameters(PipelineConfiguration configuration) =>
        configuration.Bind<ImageColorHistogramParameters>("images.color_histogram");

    protected override void Run(StageContext context, ImageColorHistogramParameters parameters)
    {
        var options = parameters.ToOptions();
        var pack = context.InputPath(ImageArtifactPaths.Preprocessed);
        var usable = ImageIndexTable.Read(context.InputPath(ImageArtifactPaths.Index)).Where(r => r.IsUsable).ToArray();
        var histograms = new float[usable.Length][];
        Parallel.For(0, usable.Length, new ParallelOptions { CancellationToken = context.Cancellation }, i =>
        {
            var image = PreprocessedImage.Read(pack, usable[i]);
            histograms[i] = ColorHistogramExtractor.Compute(new RgbImage(image.ThumbnailWidth, image.ThumbnailHeight, image.ThumbnailRgb), options);
        });
        new FeatureTable(usable.Select(r => r.Id).ToArray(), usable.Select(r => r.Category).ToArray(), histograms)
            .Write(context.OutputPath(ImageArtifactPaths.ColorHistograms));
        context.Log.Info($"{Name}: {usable.Length} photos, {options.FirstBins * options.SecondBins * options.ThirdBins} bins ({parameters.Space})");
    }
}
