using Microsoft.ML;
using Microsoft.ML.Data;
using PlaceDeMarche.Pipeline.Supervised.Evaluation;
using PlaceDeMarche.Pipeline.Supervised.Linear;

namespace PlaceDeMarche.Pipeline.Supervised.Boosted;

/// <summary>A fitted LightGbm model, scored through ML.NET (its Score column holds the class probabilities).</summary>
public sealed class LightGbmClassifier(MLContext context, ITransformer model, int dimension, int classes) : IProbabilisticClassifier
{
    public float[][] Probabilities(IReadOnlyList<float[]> rows)
    {
        if (rows.Count == 0)
            return [];
        if (rows[0].Length != dimension)
            throw new ArgumentException($"The model expects {dimension} features, not {rows[0].Length}.", nameof(rows));
        var scored = model.Transform(TrainingData.Load(context, rows, new int[rows.Count], classes));
        return scored.GetColumn<float[]>("Score").ToArray();
    }
}
