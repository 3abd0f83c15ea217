namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>The <c>text.nmf</c> section of pipeline.yaml: NMF topics of the TF-IDF matrix.</summary>
public sealed class NmfParameters
{
    /// <summary>Topics; one per category lets each topic be read as a candidate category.</summary>
    public int Components { get; set; } = 7;

    public int MaxIterations { get; set; } = 200;

    /// <summary>Terms listed per topic in the report.</summary>
    public int TopTerms { get; set; } = 10;
}
