namespace PlaceDeMarche.Pipeline.Supervised.Features;

/// <summary>Several blocks side by side (early fusion): fitted together on the same training rows, concatenated.</summary>
public sealed class FeatureStack(IReadOnlyList<IFeatureBlock> blocks)
{
    public IReadOnlyList<IFeatureBlock> Blocks => blocks;

    public FittedFeatureStack Fit(IReadOnlyList<int> trainRows) => new([.. blocks.Select(b => b.Fit(trainRows))]);
}
