namespace PlaceDeMarche.Pipeline.Text.Vectorization;

/// <summary>How each TF-IDF row is normalised (scikit-learn's <c>norm</c>).</summary>
public enum VectorNorm
{
    /// <summary>Rows are left as computed.</summary>
    None,

    /// <summary>Rows are divided by the sum of their absolute values.</summary>
    L1,

    /// <summary>Rows are divided by their Euclidean length (scikit-learn's default).</summary>
    L2,
}
