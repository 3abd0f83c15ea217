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
}
