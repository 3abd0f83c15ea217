namespace PlaceDeMarche.Pipeline.Imaging.Features.VisualWords;

/// <summary>Per-image normalisation of bag-of-visual-words vectors.</summary>
public enum VisualWordNormalization
{
    /// <summary>Leave the weights as they are.</summary>
    None,

    /// <summary>Divide by the sum (a distribution over words).</summary>
    L1,

    /// <summary>Divide by the Euclidean norm (cosine-ready).</summary>
    L2,
}
