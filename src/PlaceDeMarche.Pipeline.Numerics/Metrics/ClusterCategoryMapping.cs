namespace PlaceDeMarche.Pipeline.Numerics.Metrics;

/// <summary>Clusters mapped onto categories, with the resulting confusion matrix.</summary>
/// <param name="Categories">Distinct category labels, ascending: row and column order of the confusion matrix.</param>
/// <param name="CategoryOfCluster">Category assigned to each cluster label.</param>
/// <param name="PredictedCategories">Category predicted for each sample through its cluster.</param>
/// <param name="ConfusionMatrix">[true category index, predicted category index] sample counts.</param>
/// <param name="Accuracy">Share of samples whose predicted category is their true one.</param>
public sealed record ClusterCategoryMapping(
    IReadOnlyList<int> Categories,
    IReadOnlyDictionary<int, int> CategoryOfCluster,
    IReadOnlyList<int> PredictedCategories,
    long[,] ConfusionMatrix,
    double Accuracy);
