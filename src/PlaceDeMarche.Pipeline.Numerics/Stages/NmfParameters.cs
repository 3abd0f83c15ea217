namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>The <c>text.nmf</c> section of pipeline.yaml: NMF topics of the TF-IDF matrix.</summary>
public sealed class NmfParameters
{
    /// <summary>Topics; one per category lets each topic be read as a candidate category.</summary>
    public required int Components { get; set; }

    public required int MaxIterations { get; set; }
}
