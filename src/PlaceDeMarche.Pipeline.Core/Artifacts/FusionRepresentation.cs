namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>The text + image fusions, scored like any representation; the first is the study's fusion (<c>fusion.*</c> metrics).</summary>
public static class FusionRepresentation
{
    public static IReadOnlyList<ScoredRepresentation> All { get; } =
    [
        new("fusion", "equal-share", "Fusion à parts de variance égales", FusionArtifactPaths.EqualShare) { MetricPrefix = "fusion", NotRunNote = "non exécuté : aucune représentation à fusionner" },
        new("fusion", "coassociation", "Consensus (co-association)", FusionArtifactPaths.CoAssociation) { NotRunNote = "non exécuté : aucune représentation à fusionner" },
        new("fusion", "naive-concat", "Concaténation brute", FusionArtifactPaths.NaiveConcatenation) { NotRunNote = "non exécuté : aucune représentation à fusionner" },
    ];

    /// <summary>What a fusion may take: every text and image representation (the text combination included).</summary>
    public static IReadOnlyList<ScoredRepresentation> Candidates => [.. TextRepresentation.All, .. ImageRepresentation.All];
}
