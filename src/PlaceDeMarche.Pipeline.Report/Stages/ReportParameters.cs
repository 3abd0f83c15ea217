namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>The <c>report</c> section of pipeline.yaml.</summary>
public sealed class ReportParameters
{
    public required string Title { get; set; }

    public required string Author { get; set; }

    /// <summary>ARI from which the categories count as found automatically (the verdict says "faisable").</summary>
    public required double AriFeasible { get; set; }

    /// <summary>ARI from which the signal counts as real but not yet sufficient ("prometteur").</summary>
    public required double AriPromising { get; set; }

    /// <summary>Supervised accuracy (5-fold cross-validation mean) the text classifier is asked to reach.</summary>
    public required double AccuracyTargetText { get; set; }

    public required double AccuracyTargetImage { get; set; }

    public required double AccuracyTargetMultimodal { get; set; }

    /// <summary>Terms shown per topic of the NMF and LDA tables (the topic models rank every term).</summary>
    public required int TopicTerms { get; set; }
}
