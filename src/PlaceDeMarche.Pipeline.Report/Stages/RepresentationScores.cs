using PlaceDeMarche.Pipeline.Core.Schema;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>One scored representation (e.g. TF-IDF): its per-product clusters and t-SNE map, and its metrics.</summary>
public sealed record RepresentationScores(string Label, ClusterAssignmentTable Assignments, IReadOnlyDictionary<string, double> Metrics);
