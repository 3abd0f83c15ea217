namespace PlaceDeMarche.Pipeline.Numerics.Decomposition;

/// <summary>The optimisation method of <see cref="Nmf"/> (Frobenius loss).</summary>
public enum NmfSolver
{
    /// <summary>Cyclic coordinate descent on W then H (Cichocki &amp; Phan 2009; scikit-learn's 'cd' without
    /// shuffling); stops when the projected-gradient violation falls below tolerance × its first value.</summary>
    CoordinateDescent,

    /// <summary>Lee &amp; Seung multiplicative updates (scikit-learn's 'mu'); every 10 iterations, stops when the
    /// error decrease falls below tolerance × the initial error.</summary>
    MultiplicativeUpdate,
}
