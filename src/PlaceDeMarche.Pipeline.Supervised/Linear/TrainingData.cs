using Microsoft.ML;
using Microsoft.ML.Data;

namespace PlaceDeMarche.Pipeline.Supervised.Linear;

/// <summary>
/// Rows handed to ML.NET: a key label and a fixed-width feature vector. LoadFromEnumerable takes a key field's value
/// as the 0-based class index (class c is written c; a 1-based value shifts every class, which the trainer tests catch).
/// </summary>
internal sealed class TrainingData
{
    public const string LabelColumn = "Label";

    public const string FeaturesColumn = "Features";

    public uint Label { get; set; }

    public float[] Features { get; set; } = [];

    public static IDataView Load(MLContext context, IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes)
    {
        if (features.Count == 0 || features.Count != labels.Count)
            throw new ArgumentException($"{features.Count} feature rows for {labels.Count} labels: both must be equal and non-zero.", nameof(features));
        var schema = SchemaDefinition.Create(typeof(TrainingData));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features[0].Length);
        schema[nameof(Label)].ColumnType = new KeyDataViewType(typeof(uint), classes);
        var rows = features.Select((f, i) => new TrainingData { Label = (uint)labels[i], Features = f });
        return context.Data.LoadFromEnumerable(rows, schema);
    }
}
