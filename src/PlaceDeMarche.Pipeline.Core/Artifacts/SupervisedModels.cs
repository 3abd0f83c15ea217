namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>Names the supervised stage gives its models, shared with the report that reads them.</summary>
public static class SupervisedModels
{
    /// <summary>The models the production model is chosen among by cross-validated accuracy (those <c>predict</c> can rebuild).</summary>
    public static readonly string[] Headline = ["text", "image", "multimodal_early", "multimodal_late", "image_mlp", "multimodal_early_mlp"];

    /// <summary>Suffix of a model scored with the MLP head instead of the logistic regression (<c>image_mlp</c>…).</summary>
    public const string MlpSuffix = "_mlp";
}
