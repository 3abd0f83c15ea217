namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>The <c>report</c> section of pipeline.yaml.</summary>
public sealed class ReportParameters
{
    public string Title { get; set; } = "Classification automatique des produits : étude de faisabilité";

    public string Author { get; set; } = "PlaceDeMarche.Pipeline";

    /// <summary>ARI from which the categories count as found automatically (the verdict says "faisable").</summary>
    public double AriFeasible { get; set; } = 0.5;

    /// <summary>ARI from which the signal counts as real but not yet sufficient ("prometteur").</summary>
    public double AriPromising { get; set; } = 0.3;

    /// <summary>Supervised accuracy (5-fold cross-validation mean) the text classifier is asked to reach.</summary>
    public double AccuracyTargetText { get; set; } = 0.96;

    public double AccuracyTargetImage { get; set; } = 0.90;

    public double AccuracyTargetMultimodal { get; set; } = 0.97;
}
