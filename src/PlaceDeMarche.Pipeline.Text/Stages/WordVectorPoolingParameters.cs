namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>What a pooling of word vectors reads from pipeline.yaml: <c>text.sif</c> for the SIF pooling, nothing for the others.</summary>
public sealed record WordVectorPoolingParameters(SifParameters? Sif);
