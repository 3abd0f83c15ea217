namespace PlaceDeMarche.Pipeline.Supervised.Features;

/// <summary>A block whose transform has been learned; it maps any row to a vector of <see cref="Dimension"/> values.</summary>
public interface IFittedFeatureBlock
{
    int Dimension { get; }

    /// <summary>The vectors of <paramref name="rows"/>, in that order.</summary>
    float[][] Transform(IReadOnlyList<int> rows);

    /// <summary>The learned transform in saveable form, to rebuild it for products outside the dataset.</summary>
    FeatureBlockModel Export();
}
