using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Imaging.Stages;

namespace PlaceDeMarche.Pipeline.Imaging.Embeddings;

/// <summary>
/// The files of one pretrained image model of <c>images.cnn</c>, found and checked against their pinned SHA-256: the
/// embedding stages and <c>predict</c> open exactly the same graphs. <see cref="Missing"/> says why the model is not
/// on this machine (then the other fields are empty).
/// </summary>
public sealed record CnnModelFiles(string Model, string ModelSha256, string? Preprocess, string PreprocessSha256, string? Missing)
{
    /// <summary>Finds the model of <paramref name="parameters"/>: <c>package:</c> files below <paramref name="programDirectory"/>, others below <paramref name="workspaceRoot"/>.</summary>
    /// <param name="section">The model's section, e.g. <c>images.cnn.resnet18</c>: names it in errors.</param>
    /// <exception cref="PipelineConfigurationException">The model or its SHA-256 is not declared.</exception>
    /// <exception cref="InvalidDataException">A file is there but is not the declared one (another SHA-256).</exception>
    public static CnnModelFiles Locate(string section, ImageCnnParameters parameters, string workspaceRoot, string programDirectory)
    {
        if (parameters.Model.Length == 0 || parameters.Sha256.Length != 64)
        {
            throw new PipelineConfigurationException($"{section}: model must name the .onnx file and sha256 its 64-digit SHA-256.");
        }

        var modelPath = ImageCnnParameters.ResolvePath(parameters.Model, workspaceRoot, programDirectory);
        if (!File.Exists(modelPath))
        {
            var packaged = parameters.Model.StartsWith(ImageCnnParameters.PackagePrefix, StringComparison.Ordinal);
            return Unavailable(packaged
                ? $"{modelPath} is missing although its NuGet package copies it there at build time; rebuild the program"
                : $"{modelPath} not found; download it from {parameters.Source} (SHA-256 {parameters.Sha256}) to that path");
        }

        var modelSha = Verified(section, modelPath, parameters.Sha256, "sha256");
        if (parameters.PreprocessModel.Length == 0)
        {
            return new CnnModelFiles(modelPath, modelSha, null, string.Empty, null);
        }

        var preprocessPath = ImageCnnParameters.ResolvePath(parameters.PreprocessModel, workspaceRoot, programDirectory);
        if (!File.Exists(preprocessPath))
        {
            return Unavailable($"its preprocessing graph {preprocessPath} not found");
        }

        return new CnnModelFiles(modelPath, modelSha, preprocessPath, Verified(section, preprocessPath, parameters.PreprocessSha256, "preprocess_sha256"), null);
    }

    /// <summary>The files as a stage's external inputs (by content), so replacing one reruns the stage.</summary>
    public IReadOnlyDictionary<string, string> AsExternalInputs(string model) => Missing is { } missing
        ? new Dictionary<string, string> { [$"{model} model"] = $"unavailable ({missing})" }
        : new Dictionary<string, string> { [$"{model} model"] = ModelSha256, [$"{model} preprocessing"] = PreprocessSha256 };

    private static CnnModelFiles Unavailable(string reason) => new(string.Empty, string.Empty, null, string.Empty, reason);

    private static string Verified(string section, string path, string expected, string key)
    {
        var actual = ContentHash.OfFile(path);
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException(
                $"{path} has SHA-256 {actual}, but {section}.{key} pins {expected}: the file is not the declared model. Restore the right file, " +
                $"or, if you changed the model on purpose, update {section} (its {key}, input recipe and output) in pipeline.yaml.");
        }

        return actual;
    }
}
