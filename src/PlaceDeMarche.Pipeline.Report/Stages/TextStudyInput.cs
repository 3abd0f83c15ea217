using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Schema;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>What the text section shows: every representation's scores (in report order) and the topic models.</summary>
public sealed record TextStudyInput(IReadOnlyList<RepresentationScores> Scores, IReadOnlyList<TopicModelSummary> TopicModels)
{
    /// <summary>The text's topic models, in report order: label, what they were fitted on, their artifacts.</summary>
    private static readonly (string Label, string Source, string Topics, string Metrics)[] TopicModelArtifacts =
    [
        ("NMF", "TF-IDF", ArtifactPaths.TextNmfTopics, ArtifactPaths.TextNmfMetrics),
        ("LDA", "sac de mots", ArtifactPaths.TextLdaTopics, ArtifactPaths.TextLdaMetrics),
    ];

    /// <summary>The artifacts <see cref="Load"/> reads, for a report stage's inputs.</summary>
    public static IReadOnlyList<string> Artifacts { get; } =
    [
        .. TopicModelArtifacts.SelectMany(m => new[] { m.Topics, m.Metrics }),
        .. TextRepresentation.All.SelectMany(r => new[] { r.Clusters, r.ClusterMetrics }),
        FusionArtifactPaths.TextCombinedBlocks,
    ];

    /// <param name="inputPath">Resolves a declared input of the report stage to its file.</param>
    /// <param name="manifests">The upstream stages' manifests, for each representation's computing time.</param>
    public static TextStudyInput Load(Func<string, string> inputPath, IReadOnlyList<StageManifest> manifests) => new(
        TextRepresentation.All.Select(r => new RepresentationScores(
            r.Features == FusionArtifactPaths.TextCombined ? CombinationLabel(r, MetricTable.Read(inputPath(FusionArtifactPaths.TextCombinedBlocks))) : r.Label,
            ClusterAssignmentTable.Read(inputPath(r.Clusters)),
            MetricTable.Read(inputPath(r.ClusterMetrics)))
        {
            Method = r.Method,
            NotRunNote = r.NotRunNote,
            Seconds = SecondsToWrite(manifests, r.Features) + SecondsToWrite(manifests, r.Clusters),
        }).ToArray(),
        TopicModelArtifacts.Select(m => new TopicModelSummary(
            m.Label,
            m.Source,
            TopicTermTable.Read(inputPath(m.Topics)),
            MetricTable.Read(inputPath(m.Metrics)))).ToArray());

    /// <summary>The combination's label names what it combined, e.g. "Combinaison : Doc2Vec (PV-DBOW) + MiniLM".</summary>
    private static string CombinationLabel(ScoredRepresentation combination, IReadOnlyDictionary<string, double> blocks)
    {
        var members = blocks.Keys
            .Select(key => key[(key.IndexOf(':') + 1)..])
            .Select(name => TextRepresentation.All.FirstOrDefault(r => $"{r.Family}.{r.Method}" == name)?.Label ?? name)
            .ToArray();
        return members.Length == 0 ? combination.Label : $"Combinaison : {string.Join(" + ", members)}";
    }

    /// <summary>Last run time of the stage that wrote <paramref name="artifact"/> (NaN if unknown).</summary>
    private static double SecondsToWrite(IReadOnlyList<StageManifest> manifests, string artifact) =>
        manifests.FirstOrDefault(m => m.Outputs.Any(o => o.Path == artifact))?.Seconds ?? double.NaN;
}
