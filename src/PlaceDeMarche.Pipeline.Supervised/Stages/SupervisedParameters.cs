namespace PlaceDeMarche.Pipeline.Supervised.Stages;

/// <summary>The <c>supervised</c> section of pipeline.yaml.</summary>
public sealed class SupervisedParameters
{
    public required int Folds { get; set; }

    public required int InnerFolds { get; set; }

    public required double TestFraction { get; set; }

    public required List<double> L2Grid { get; set; }

    public required int MaxIterations { get; set; }

    public required int FusionWeightSteps { get; set; }

    public required int Parallelism { get; set; }

    /// <summary>Blocks of the text model (<c>tfidf</c> is refitted in each fold; others are embedding tables).</summary>
    public required List<string> Text { get; set; }

    /// <summary>Blocks of the image model (image representations predict can compute); those that did not run are left out.</summary>
    public required List<string> Image { get; set; }

    /// <summary>When none of <see cref="Image"/> ran: candidate block lists, the first whose blocks all ran is the image model.</summary>
    public required List<List<string>> ImageFallback { get; set; }

    /// <summary>Other image models (each a list of blocks) scored for comparison; one whose blocks did not all run is left out.</summary>
    public required List<List<string>> ImageAlternatives { get; set; }

    /// <summary>Gradient-boosted trees on the text model's blocks, for comparison with the logistic regression.</summary>
    public required LightGbmParameters Lightgbm { get; set; }

    /// <summary>The one-hidden-layer MLP head scored beside the logistic regression.</summary>
    public required MlpParameters Mlp { get; set; }

    /// <summary>Other text representations scored alone, for comparison.</summary>
    public required List<string> TextAlternatives { get; set; }
}
