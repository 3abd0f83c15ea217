namespace PlaceDeMarche.Pipeline.Text.Vectorization;

/// <summary>Settings of <see cref="TfIdfVectorizer"/>: the vocabulary settings plus the weighting; defaults match scikit-learn's.</summary>
public sealed record TfIdfOptions : CountVectorizerOptions
{
    /// <summary>Weight terms by inverse document frequency. Default true.</summary>
    public bool UseIdf { get; init; } = true;

    /// <summary>idf = ln((1 + n) / (1 + df)) + 1 when true (as if one extra document held every term), ln(n / df) + 1 when false. Default true.</summary>
    public bool SmoothIdf { get; init; } = true;

    /// <summary>Use 1 + ln(tf) instead of the raw count tf. Default false.</summary>
    public bool SublinearTf { get; init; }

    /// <summary>Row normalisation. Default <see cref="VectorNorm.L2"/>.</summary>
    public VectorNorm Norm { get; init; } = VectorNorm.L2;
}
