namespace PlaceDeMarche.Pipeline.Supervised.Stages;

/// <summary>The <c>supervised</c> section of pipeline.yaml.</summary>
public sealed class SupervisedParameters
{
    public int Folds { get; set; } = 5;

    public int InnerFolds { get; set; } = 3;

    public double TestFraction { get; set; } = 0.2;

    public List<double> L2Grid { get; set; } = [0.001, 0.01, 0.1, 1];

    public int MaxIterations { get; set; } = 200;

    public int FusionWeightSteps { get; set; } = 10;

    public int Parallelism { get; set; } = 2;

    /// <summary>Blocks of the text model (<c>tfidf</c> is refitted in each fold; others are embedding tables).</summary>
    public List<string> Text { get; set; } = ["tfidf"];

    /// <summary>Blocks of the image model (image representations).</summary>
    public List<string> Image { get; set; } = ["colorhist"];

    /// <summary>Gradient-boosted trees on the text model's blocks, for comparison with the logistic regression.</summary>
    public LightGbmParameters Lightgbm { get; set; } = new();

    /// <summary>Other text representations scored alone, for comparison.</summary>
    public List<string> TextAlternatives { get; set; } = [];
}
