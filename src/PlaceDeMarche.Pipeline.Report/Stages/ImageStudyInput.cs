using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Schema;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>What the image section shows: the photo index, a few thumbnails, one keypoint example and the scores.</summary>
/// <param name="Samples">Up to <see cref="SamplesPerCategory"/> usable photos per category, in product order (no picking).</param>
/// <param name="KeypointPhoto">The preprocessed photo whose keypoints are drawn, or null when no photo is usable.</param>
public sealed record ImageStudyInput(
    IReadOnlyList<ImageIndexRow> Index,
    IReadOnlyList<(ImageIndexRow Row, PreprocessedImage Image)> Samples,
    KeypointTable Keypoints,
    PreprocessedImage? KeypointPhoto,
    IReadOnlyList<RepresentationScores> Scores)
{
    public const int SamplesPerCategory = 3;

    /// <summary>The preprocessed photo of a product (by id), or null when it has none; the default knows no photo.</summary>
    public Func<string, PreprocessedImage?> Photo { get; init; } = _ => null;

    /// <summary>The artifacts <see cref="Load"/> reads, for the report stage's inputs.</summary>
    public static IReadOnlyList<string> Artifacts { get; } =
    [
        ImageArtifactPaths.Index,
        ImageArtifactPaths.Preprocessed,
        ImageArtifactPaths.SiftKeypointExample,
        .. ImageRepresentation.All.SelectMany(r => new[] { r.Clusters, r.ClusterMetrics }),
    ];

    /// <param name="inputPath">Resolves a declared input of the report stage to its file.</param>
    public static ImageStudyInput Load(Func<string, string> inputPath)
    {
        var index = ImageIndexTable.Read(inputPath(ImageArtifactPaths.Index));
        var pack = inputPath(ImageArtifactPaths.Preprocessed);
        var samples = index.Where(r => r.IsUsable)
            .GroupBy(r => r.Category)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Take(SamplesPerCategory))
            .Select(r => (r, PreprocessedImage.Read(pack, r)))
            .ToArray();
        var keypoints = KeypointTable.Read(inputPath(ImageArtifactPaths.SiftKeypointExample));
        var photo = index.FirstOrDefault(r => r.IsUsable && r.Id == keypoints.ProductId);
        var usableById = index.Where(r => r.IsUsable).ToDictionary(r => r.Id, StringComparer.Ordinal);
        return new ImageStudyInput(
            index,
            samples,
            keypoints,
            photo is null ? null : PreprocessedImage.Read(pack, photo),
            ImageRepresentation.All.Select(r => new RepresentationScores(
                r.Label,
                ClusterAssignmentTable.Read(inputPath(r.Clusters)),
                MetricTable.Read(inputPath(r.ClusterMetrics)))
            {
                Method = r.Method,
                NotRunNote = r.NotRunNote,
            }).ToArray())
        {
            Photo = id => usableById.TryGetValue(id, out var row) ? PreprocessedImage.Read(pack, row) : null,
        };
    }
}
