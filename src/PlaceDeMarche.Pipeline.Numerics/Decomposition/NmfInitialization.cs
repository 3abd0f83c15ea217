namespace PlaceDeMarche.Pipeline.Numerics.Decomposition;

/// <summary>How <see cref="Nmf"/> builds its starting factors.</summary>
public enum NmfInitialization
{
    /// <summary>Non-negative double SVD (Boutsidis &amp; Gallopoulos 2008) with zeros replaced by the data mean, as
    /// scikit-learn's 'nndsvda': deterministic up to the randomized SVD and suited to both solvers.</summary>
    Nndsvda,

    /// <summary>|N(0, 1)| entries scaled by √(mean / components), as scikit-learn's 'random'.</summary>
    Random,
}
