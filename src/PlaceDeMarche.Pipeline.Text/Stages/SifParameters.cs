namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>The <c>text.sif</c> section of pipeline.yaml: the SIF weighting a / (a + p(w)) of the word-vector pooling.</summary>
public sealed class SifParameters
{
    public required double A { get; set; }
}
