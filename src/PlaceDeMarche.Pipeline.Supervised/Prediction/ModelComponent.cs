using PlaceDeMarche.Pipeline.Supervised.Features;

namespace PlaceDeMarche.Pipeline.Supervised.Prediction;

/// <summary>One logistic regression of a saved model, its fitted input blocks, and its weight in the final mix.</summary>
public sealed record ModelComponent
{
    public required double Weight { get; init; }

    public required FeatureBlockModel[] Blocks { get; init; }

    public required float[][] Weights { get; init; }

    public required float[] Biases { get; init; }
}
