namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>The <c>text.lsa</c> section of pipeline.yaml: latent semantic analysis of the TF-IDF matrix.</summary>
public sealed class LsaParameters
{
    /// <summary>Singular components kept (capped by the data's size).</summary>
    public required int Components { get; set; }
}
