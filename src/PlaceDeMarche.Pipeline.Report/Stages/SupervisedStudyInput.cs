using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Schema;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>What the "Classification supervisée" section shows, read from the supervised stage's artifacts.</summary>
/// <param name="Metrics">The stage's metrics (<c>supervised.&lt;model&gt;.cv_accuracy_mean</c>…).</param>
/// <param name="Curves">Inner search points: model, value tried, training and validation accuracy (one per fold).</param>
/// <param name="Confusion">The best model's out-of-fold confusion matrix (true category, predicted category, count).</param>
/// <param name="Misclassified">The best model's out-of-fold errors, most confident first, with thumbnails where the photo is usable.</param>
/// <param name="Epochs">The MLPs' learning curves: model, outer fold, epoch, training and validation loss, validation accuracy, whether it is the kept epoch.</param>
/// <param name="Chosen">Per model and outer fold, the setting the inner search chose (e.g. <c>hidden=128 dropout=0.5 …</c>) and the kept epoch.</param>
/// <param name="Representations">Each model's input blocks as the stage recorded them, e.g. <c>cnn-mobilenetv2+cnn-resnet18</c>, in the stage's order.</param>
public sealed record SupervisedStudyInput(
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<(string Model, string Representation)> Representations,
    string BestModel,
    IReadOnlyList<(string Model, double Value, double Train, double Validation)> Curves,
    IReadOnlyList<(string Category, string Predicted, int Count)> Confusion,
    IReadOnlyList<(string Id, string Category, string Predicted, double Probability, PreprocessedImage? Photo)> Misclassified,
    IReadOnlyList<(string Model, int Fold, int Epoch, double TrainLoss, double ValidationLoss, double ValidationAccuracy, bool Kept)> Epochs,
    IReadOnlyList<(string Model, int Fold, string Setting, int KeptEpoch)> Chosen)
{

    public const int MisclassifiedShown = 8;

    /// <summary>Where the saved model is, as the reader finds it in the checkout (the dataset's own artifact folder).</summary>
    public string ModelPath { get; init; } = SupervisedArtifactPaths.Model;

    public static IReadOnlyList<string> Artifacts { get; } =
    [
        SupervisedArtifactPaths.Metrics, SupervisedArtifactPaths.Scores, SupervisedArtifactPaths.Curves, SupervisedArtifactPaths.Confusions, SupervisedArtifactPaths.Predictions,
        SupervisedArtifactPaths.Epochs,
    ];

    public static SupervisedStudyInput Load(Func<string, string> inputPath, IReadOnlyList<ImageIndexRow> index, string pack)
    {
        var metrics = MetricTable.Read(inputPath(SupervisedArtifactPaths.Metrics));
        var best = SupervisedModels.Headline.Where(m => metrics.ContainsKey($"supervised.{m}.cv_accuracy_mean")).MaxBy(m => metrics[$"supervised.{m}.cv_accuracy_mean"]) ?? "text";
        var scores = ParquetArtifact.Read(inputPath(SupervisedArtifactPaths.Scores));
        var scoredModels = scores.GetStrings("model");
        var representations = scores.GetStrings("representation");
        var folds = scores.GetInt32s("fold");
        var settings = scores.GetStrings("setting");
        var keptEpochs = scores.GetInt32s("kept_epoch");
        var epochs = ParquetArtifact.Read(inputPath(SupervisedArtifactPaths.Epochs));
        var epochModels = epochs.GetStrings("model");
        var epochFolds = epochs.GetInt32s("fold");
        var epochNumbers = epochs.GetInt32s("epoch");
        var trainLoss = epochs.GetDoubles("train_loss");
        var validationLoss = epochs.GetDoubles("validation_loss");
        var validationAccuracy = epochs.GetDoubles("validation_accuracy");
        var kept = epochs.GetBooleans("kept");
        var curves = ParquetArtifact.Read(inputPath(SupervisedArtifactPaths.Curves));
        var curveModels = curves.GetStrings("model");
        var values = curves.GetDoubles("value");
        var train = curves.GetDoubles("train_accuracy");
        var validation = curves.GetDoubles("validation_accuracy");
        var confusion = ParquetArtifact.Read(inputPath(SupervisedArtifactPaths.Confusions));
        var confusionModels = confusion.GetStrings("model");
        var trueCategories = confusion.GetStrings("category");
        var predictedCategories = confusion.GetStrings("predicted");
        var counts = confusion.GetInt32s("count");
        var predictions = ParquetArtifact.Read(inputPath(SupervisedArtifactPaths.Predictions));
        var predictionModels = predictions.GetStrings("model");
        var ids = predictions.GetStrings("id");
        var categories = predictions.GetStrings("category");
        var predicted = predictions.GetStrings("predicted");
        var probability = predictions.GetDoubles("probability");
        var rowOf = index.Where(r => r.IsUsable).ToDictionary(r => r.Id, r => r, StringComparer.Ordinal);
        return new SupervisedStudyInput(
            metrics,
            scoredModels.Select((m, i) => (m!, representations[i]!)).Distinct().ToArray(),
            best,
            curveModels.Select((m, i) => (m!, values[i], train[i], validation[i])).ToArray(),
            confusionModels.Select((m, i) => (m, i)).Where(p => p.m == best).Select(p => (trueCategories[p.i]!, predictedCategories[p.i]!, counts[p.i])).ToArray(),
            predictionModels.Select((m, i) => (m, i))
                .Where(p => p.m == best && categories[p.i] != predicted[p.i])
                .OrderByDescending(p => probability[p.i]).ThenBy(p => ids[p.i], StringComparer.Ordinal)
                .Take(MisclassifiedShown)
                .Select(p => (ids[p.i]!, categories[p.i]!, predicted[p.i]!, probability[p.i], rowOf.TryGetValue(ids[p.i]!, out var row) ? PreprocessedImage.Read(pack, row) : null))
                .ToArray(),
            epochModels.Select((m, i) => (m!, epochFolds[i], epochNumbers[i], trainLoss[i], validationLoss[i], validationAccuracy[i], kept[i])).ToArray(),
            scoredModels.Select((m, i) => (m!, folds[i], settings[i] ?? "", keptEpochs[i])).ToArray());
    }
}
