using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Schema;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>The text + image fusions' scores and the blocks the fusion took, as the report reads them.</summary>
public static class FusionStudyInput
{
    /// <summary>The artifacts <see cref="Load"/> reads, for the report stage's inputs.</summary>
    public static IReadOnlyList<string> Artifacts { get; } =
    [
        FusionArtifactPaths.Blocks,
        .. FusionRepresentation.All.SelectMany(r => new[] { r.Clusters, r.ClusterMetrics }),
    ];

    /// <param name="inputPath">Resolves a declared input of the report stage to its file.</param>
    public static (IReadOnlyList<RepresentationScores> Scores, IReadOnlyDictionary<string, double> Blocks) Load(Func<string, string> inputPath) => (
        FusionRepresentation.All.Select(r => new RepresentationScores(r.Label, ClusterAssignmentTable.Read(inputPath(r.Clusters)), MetricTable.Read(inputPath(r.ClusterMetrics)))
        {
            Method = r.Method,
            NotRunNote = r.NotRunNote,
        }).ToArray(),
        MetricTable.Read(inputPath(FusionArtifactPaths.Blocks)));
}
