namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>Starting layout of a t-SNE embedding.</summary>
public enum TSneInitialization
{
    /// <summary>First two principal components, scaled so the first has standard deviation 1e-4 (seed-independent).</summary>
    Pca,

    /// <summary>Gaussian noise with standard deviation 1e-4 drawn from the seed.</summary>
    Random,
}
