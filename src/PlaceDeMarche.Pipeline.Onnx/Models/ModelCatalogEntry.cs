namespace PlaceDeMarche.Pipeline.Onnx.Models;

/// <summary>
/// One entry of pipeline.yaml's <c>models</c> catalog: a pretrained model, its licence and where each of its files
/// comes from. What a family needs to run it (input size, pooling, ...) lives in that family's own section.
/// </summary>
public sealed class ModelCatalogEntry
{
    public const string Section = "models";

    /// <summary>The model's own licence (SPDX identifier), not only its package's.</summary>
    public required string Licence { get; set; }

    /// <summary>Who published the model and where its licence is stated.</summary>
    public required string Origin { get; set; }

    /// <summary>Its files by role (<c>model</c>, <c>vocabulary</c>, ...); each role lists candidate sources, tried in order.</summary>
    public required Dictionary<string, List<ModelFileSource>> Files { get; set; }
}
