namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>Where the best mean ARI stands against the thresholds of <c>report</c> in pipeline.yaml.</summary>
public enum FeasibilityLevel
{
    /// <summary>No representation was scored.</summary>
    NoResult,

    /// <summary>Below <c>report.ari_promising</c>.</summary>
    NotShown,

    /// <summary>At least <c>report.ari_promising</c>, below <c>report.ari_feasible</c>.</summary>
    Promising,

    /// <summary>At least <c>report.ari_feasible</c>.</summary>
    Feasible,
}
