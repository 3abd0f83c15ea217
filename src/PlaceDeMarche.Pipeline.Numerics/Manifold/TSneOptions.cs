namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>Settings of the 2-D <see cref="TSne"/> (defaults follow scikit-learn's TSNE).</summary>
public sealed record TSneOptions
{
    /// <summary>Effective number of neighbours of each point; at most the number of samples minus one. Each point's
    /// ⌊3 × perplexity⌋ + 1 nearest neighbours (capped at the other points) carry its affinities.</summary>
    public double Perplexity { get; init; } = 30.0;

    /// <summary>Factor applied to P during the exploration phase.</summary>
    public double EarlyExaggeration { get; init; } = 12.0;

    /// <summary>Length of the exploration phase (exaggerated P, momentum <see cref="InitialMomentum"/>).</summary>
    public int ExplorationIterations { get; init; } = 250;

    /// <summary>Total number of iterations, exploration included.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Step size; null means 'auto' = max(n / EarlyExaggeration / 4, 50).</summary>
    public double? LearningRate { get; init; }

    /// <summary>Momentum during the exploration phase.</summary>
    public double InitialMomentum { get; init; } = 0.5;

    /// <summary>Momentum after the exploration phase.</summary>
    public double FinalMomentum { get; init; } = 0.8;

    /// <summary>Lower bound of the delta-bar-delta per-coordinate gains.</summary>
    public double MinGain { get; init; } = 0.01;

    /// <summary>Stop when the gradient norm (checked every 50 iterations) falls below this.</summary>
    public double MinGradientNorm { get; init; } = 1e-7;

    /// <summary>Stop the final phase when the divergence has not improved for this many iterations.</summary>
    public int MaxIterationsWithoutProgress { get; init; } = 300;

    /// <summary>Starting layout.</summary>
    public TSneInitialization Initialization { get; init; } = TSneInitialization.Pca;

    /// <summary>Seed of the random initialisation (unused by <see cref="TSneInitialization.Pca"/>).</summary>
    public int Seed { get; init; }

    /// <summary>Exact or Barnes-Hut; <see cref="TSneMethod.Auto"/> chooses by the number of samples.</summary>
    public TSneMethod Method { get; init; } = TSneMethod.Auto;

    /// <summary>Smallest number of samples <see cref="TSneMethod.Auto"/> runs Barnes-Hut for.</summary>
    public int BarnesHutThreshold { get; init; } = 5000;

    /// <summary>Largest number of samples whose neighbours Barnes-Hut finds exactly; above it they are approximate
    /// (<see cref="NeighbourSearch.Approximate"/>), the exact scan growing as n².</summary>
    public int ExactNeighboursLimit { get; init; } = 100_000;

    /// <summary>Barnes-Hut angle: a quadtree cell of side s at distance r from a point stands for its points when
    /// s / r &lt; theta (0.5, scikit-learn's default; smaller is slower and more accurate).</summary>
    public double Theta { get; init; } = 0.5;

    /// <summary>A cell holding the point itself is at most √2·s from it: below 1/√2 it is never summarised.</summary>
    internal const double MaxTheta = 0.7;

    /// <summary>The method a fit on <paramref name="rows"/> samples runs.</summary>
    public TSneMethod ResolveMethod(int rows) => Method switch
    {
        TSneMethod.Auto => rows >= BarnesHutThreshold ? TSneMethod.BarnesHut : TSneMethod.Exact,
        _ => Method,
    };

    /// <summary>How a fit on <paramref name="rows"/> samples of <paramref name="columns"/> features finds neighbours.</summary>
    public NeighbourSearch ResolveNeighbourSearch(int rows, int columns) =>
        ResolveMethod(rows) != TSneMethod.BarnesHut ? NeighbourSearch.AllPairs
        : rows > ExactNeighboursLimit ? NeighbourSearch.Approximate
        : columns <= TSneAffinities.TreeDimensions ? NeighbourSearch.VantagePointTree
        : NeighbourSearch.TiledScan;

    internal void Validate(int rows)
    {
        if (rows < 3)
        {
            throw new ArgumentException($"t-SNE needs at least 3 samples but got {rows}.");
        }

        if (!(Perplexity > 0) || Perplexity > rows - 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Perplexity), Perplexity, $"The perplexity must be positive and at most the number of samples minus one ({rows - 1}).");
        }

        if (!(EarlyExaggeration >= 1) || ExplorationIterations < 0 || MaxIterations < 1 || LearningRate is <= 0
            || !(MinGain > 0) || MaxIterationsWithoutProgress < 1 || BarnesHutThreshold < 1 || ExactNeighboursLimit < 1 || !(Theta > 0 && Theta <= MaxTheta))
        {
            throw new ArgumentOutOfRangeException(
                nameof(EarlyExaggeration),
                "t-SNE options need EarlyExaggeration ≥ 1, ExplorationIterations ≥ 0, MaxIterations ≥ 1, a positive "
                + "LearningRate (or null for auto), MinGain > 0, MaxIterationsWithoutProgress ≥ 1, BarnesHutThreshold ≥ 1, ExactNeighboursLimit ≥ 1 "
                + $"and 0 < Theta ≤ {MaxTheta} (a wider angle could let a point's own cell stand for it).");
        }
    }
}
