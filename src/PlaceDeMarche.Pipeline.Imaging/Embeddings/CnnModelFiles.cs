using PlaceDeMarche.Pipeline.Onnx.Models;

namespace PlaceDeMarche.Pipeline.Imaging.Embeddings;

/// <summary>
/// The files of one pretrained image model, found through the <c>models</c> catalog (sources tried in order, SHA-256
/// checked): the embedding stages and <c>predict</c> open exactly the same graphs. <see cref="Missing"/> says why the
/// model is not on this machine (then the other fields are empty).
/// </summary>
public sealed record CnnModelFiles(string Model, string ModelSha256, string? Preprocess, string PreprocessSha256, string? Missing)
{
    /// <summary>Role of the optional graph that turns the stages' tensor into the model's input, in the catalog entry's files.</summary>
    public const string PreprocessRole = "preprocess";

    /// <summary>The files of <paramref name="model"/> (its <c>model</c> and optional <see cref="PreprocessRole"/> in <paramref name="files"/>).</summary>
    /// <exception cref="Core.Configuration.PipelineConfigurationException">The entry lacks the model, or a SHA-256 is malformed.</exception>
    /// <exception cref="OnnxModelException">A source has the wrong SHA-256.</exception>
    public static CnnModelFiles Locate(string model, ModelResolver resolver, IReadOnlyDictionary<string, List<ModelFileSource>> files)
    {
        try
        {
            var graph = resolver.Locate(model, files, "model");
            var preprocess = files.ContainsKey(PreprocessRole) ? resolver.Locate(model, files, PreprocessRole) : null;
            return new CnnModelFiles(graph.Path, graph.Sha256, preprocess?.Path, preprocess?.Sha256 ?? string.Empty, null);
        }
        catch (ModelUnavailableException e)
        {
            return new CnnModelFiles(string.Empty, string.Empty, null, string.Empty, e.Message);
        }
    }

    /// <summary>The files as a stage's external inputs (by content), so a model that becomes available, or another source of it, reruns the stage.</summary>
    public IReadOnlyDictionary<string, string> AsExternalInputs(string model) => Missing is { } missing
        ? new Dictionary<string, string> { [$"{model} model"] = $"unavailable ({missing})" }
        : new Dictionary<string, string> { [$"{model} model"] = ModelSha256, [$"{model} preprocessing"] = PreprocessSha256 };
}
