namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>Artifacts of the supervised classification study (here so the report reads them without referencing ML.NET).</summary>
public static class SupervisedArtifactPaths
{
    /// <summary>Per model and outer fold: accuracy, macro-F1, the chosen hyper-parameter, training accuracy, times.</summary>
    public const string Scores = "data/artifacts/supervised/scores.parquet";

    /// <summary>Out-of-fold prediction of every product by every model (category, predicted, its probability).</summary>
    public const string Predictions = "data/artifacts/supervised/predictions.parquet";

    /// <summary>The inner searches: per model, fold and value tried, training and validation accuracy (regularisation curves).</summary>
    public const string Curves = "data/artifacts/supervised/curves.parquet";

    /// <summary>Confusion matrices of every model's out-of-fold predictions (long form: model, true, predicted, count).</summary>
    public const string Confusions = "data/artifacts/supervised/confusions.parquet";

    /// <summary>Learning curves of the MLPs: per model, outer fold and epoch, training and validation loss, validation accuracy, the kept epoch.</summary>
    public const string Epochs = "data/artifacts/supervised/epochs.parquet";

    public const string Metrics = "data/artifacts/supervised/metrics.parquet";

    /// <summary>The production model: weights, fitted transforms, categories and provenance (what <c>predict</c> loads).</summary>
    public const string Model = "data/artifacts/supervised/model.json";
}
