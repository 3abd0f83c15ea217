using System.Text.Json;
using System.Text.Json.Serialization;
using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.Text.Stages;

namespace PlaceDeMarche.Pipeline.Supervised.Prediction;

/// <summary>
/// The production classifier as saved to JSON: its components (probabilities = Σ weight · softmax), the categories,
/// the preprocessing settings a new product must go through, and provenance (library versions, training data hash).
/// </summary>
public sealed record SavedModel
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public required string Model { get; init; }

    public required string[] Categories { get; init; }

    public required ModelComponent[] Components { get; init; }

    public required TextCleaningParameters Cleaning { get; init; }

    public required TfIdfParameters TfIdf { get; init; }

    public required ImagePreprocessParameters ImagePreprocess { get; init; }

    public required ImageColorHistogramParameters ColorHistogram { get; init; }

    /// <summary>The pretrained CNNs the model's image blocks embed a photo with (their input recipes and files), by model name.</summary>
    public required Dictionary<string, SavedCnnModel> Cnn { get; init; }

    /// <summary>How those CNNs are run (as in the study, so a photo gets the same embedding).</summary>
    public required OnnxSettings Onnx { get; init; }

    /// <summary>SHA-256 of the training rows' ids, categories and feature inputs.</summary>
    public required string TrainingDataHash { get; init; }

    public required int TrainingRows { get; init; }

    public required string MlNetVersion { get; init; }

    public required double CvAccuracyMean { get; init; }

    public required double TestAccuracy { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="InvalidDataException">The file is not a saved model.</exception>
    public static SavedModel FromJson(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<SavedModel>(json, Json) ?? throw new InvalidDataException($"{source}: empty model file.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{source} is not a saved classifier ({error.Message}); rerun `dotnet cake --target=Supervised`.", error);
        }
    }
}
