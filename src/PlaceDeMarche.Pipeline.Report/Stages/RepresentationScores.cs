using PlaceDeMarche.Pipeline.Core.Schema;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>One scored representation (e.g. TF-IDF): its per-product clusters and t-SNE map, and its metrics.</summary>
public sealed record RepresentationScores(string Label, ClusterAssignmentTable Assignments, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>Shown instead of the scores when the representation was not computed (no metrics).</summary>
    public string NotRunNote { get; init; } = "non exécuté";

    /// <summary>False for an optional representation that did not run (e.g. no transformer model supplied).</summary>
    public bool HasRun => Metrics.Count > 0;
}
