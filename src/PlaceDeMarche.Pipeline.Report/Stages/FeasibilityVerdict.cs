namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>The study's answer: the best scored approach (text, image or both) and where its mean ARI stands.</summary>
/// <param name="Area">"Texte seul", "Image seule" or "Texte + image"; empty when nothing was scored.</param>
public sealed record FeasibilityVerdict(FeasibilityLevel Level, string Area, RepresentationScores? Best)
{
    /// <summary>Machine-readable form, published in the run summary as <c>report.verdict</c>.</summary>
    public string Code => Level switch
    {
        FeasibilityLevel.Feasible => "feasible",
        FeasibilityLevel.Promising => "promising",
        FeasibilityLevel.NotShown => "not_shown",
        _ => "no_result",
    };

    public static FeasibilityLevel LevelOf(double ari, ReportParameters thresholds) =>
        ari >= thresholds.AriFeasible ? FeasibilityLevel.Feasible
        : ari >= thresholds.AriPromising ? FeasibilityLevel.Promising
        : FeasibilityLevel.NotShown;
}
