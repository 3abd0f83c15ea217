namespace PlaceDeMarche.Pipeline.Supervised.Prediction;

/// <summary>The categories of one product, most probable first.</summary>
public sealed record CategoryPrediction(IReadOnlyList<(string Category, double Probability)> Ranked)
{
    public string Category => Ranked[0].Category;

    public double Probability => Ranked[0].Probability;
}
