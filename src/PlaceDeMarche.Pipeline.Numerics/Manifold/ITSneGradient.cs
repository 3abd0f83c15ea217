namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>KL(P‖Q) and its gradient for t-SNE's optimiser; the exact and Barnes-Hut repulsions implement it.</summary>
internal interface ITSneGradient
{
    /// <summary>Fills <paramref name="gradient"/> for the positions (x₀, y₀, x₁, y₁, …); returns the divergence, or NaN
    /// unless <paramref name="computeDivergence"/>.</summary>
    double Evaluate(double[] positions, double exaggeration, double[] gradient, bool computeDivergence);
}
