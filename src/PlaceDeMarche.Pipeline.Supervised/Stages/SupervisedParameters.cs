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

    /// <summary>Blocks of the image model (image representations predict can compute); those that did not run are left out.</summary>
    public List<string> Image { get; set; } = ["cnn-mobilenetv2"];

    /// <summary>When none of <see cref="Image"/> ran: candidate block lists, the first whose blocks all ran is the image model.</summary>
    public List<List<string>> ImageFallback { get; set; } = [["colorhist"]];

    /// <summary>Other image models (each a list of blocks) scored for comparison; one whose blocks did not all run is left out.</summary>
    public List<List<string>> ImageAlternatives { get; set; } = [];

    /// <summary>Gradient-boosted trees on the text model's blocks, for comparison with the logistic regression.</summary>
    public LightGbmParameters Lightgbm { get; set; } = new();

    /// <summary>The one-hidden-layer MLP head scored beside the logistic regression.</summary>
    public MlpParameters Mlp { get; set; } = new();

    /// <summary>Other text representations scored alone, for comparison.</summary>
    public List<string> TextAlternatives { get; set; } = [];
}
