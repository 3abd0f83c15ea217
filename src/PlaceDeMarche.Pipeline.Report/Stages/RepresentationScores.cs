using PlaceDeMarche.Pipeline.Core.Schema;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>One scored representation (e.g. TF-IDF): its per-product clusters and t-SNE map, and its metrics.</summary>
public sealed record RepresentationScores(string Label, ClusterAssignmentTable Assignments, IReadOnlyDictionary<string, double> Metrics)
{
    private readonly string? method;

    /// <summary>Short identifier published in metrics (e.g. <c>word2vec-tfidf</c>); the label when not given.</summary>
    public string Method { get => method ?? Label; init => method = value; }

    /// <summary>Shown instead of the scores when the representation was not computed (no metrics).</summary>
    public string NotRunNote { get; init; } = "non exécuté";

    /// <summary>Seconds to compute the representation and score it (last runs of both stages); NaN when unknown.</summary>
    public double Seconds { get; init; } = double.NaN;

    /// <summary>False for an optional representation that did not run (e.g. no transformer model supplied).</summary>
    public bool HasRun => Metrics.Count > 0;

    /// <summary>The representation with the highest mean ARI among those that ran, or null when none ran.</summary>
    public static RepresentationScores? Best(IEnumerable<RepresentationScores> scores) =>
        scores.Where(s => s.HasRun).MaxBy(s => s.Metrics["ari_mean"]);
}
