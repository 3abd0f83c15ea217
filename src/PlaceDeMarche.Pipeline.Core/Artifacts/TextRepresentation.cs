namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>The representations of the text study, in report order. Listed once: stages and report follow it.</summary>
public static class TextRepresentation
{
    public static IReadOnlyList<ScoredRepresentation> All { get; } =
    [
        Text("bow", "Sac de mots", ArtifactPaths.BagOfWordsFeatures),
        Text("tfidf", "TF-IDF", ArtifactPaths.TfIdfFeatures),
        Text("lsa", "LSA (SVD tronquée)", ArtifactPaths.TextLsaFeatures),
        Text("nmf", "NMF (thèmes)", ArtifactPaths.TextNmfFeatures),
        Text("lda", "LDA (thèmes)", ArtifactPaths.TextLdaFeatures),
        Text("word2vec-mean", "Word2Vec (moyenne)", ArtifactPaths.TextEmbedding("word2vec", "mean")),
        Text("word2vec-tfidf", "Word2Vec (pondérée IDF)", ArtifactPaths.TextEmbedding("word2vec", "tfidf")),
        Text("fasttext-mean", "fastText (moyenne)", ArtifactPaths.TextEmbedding("fasttext", "mean")),
        Text("fasttext-tfidf", "fastText (pondérée IDF)", ArtifactPaths.TextEmbedding("fasttext", "tfidf")),
        Text("word2vec-sif", "Word2Vec (SIF)", ArtifactPaths.TextEmbedding("word2vec", "sif")),
        Text("fasttext-sif", "fastText (SIF)", ArtifactPaths.TextEmbedding("fasttext", "sif")),
        Text("doc2vec", "Doc2Vec (PV-DBOW)", ArtifactPaths.TextDoc2VecFeatures),
        Transformer(TransformerModels.MiniLm, "all-MiniLM-L6-v2 (ONNX)"),
        Transformer(TransformerModels.ArcticXs, "arctic-embed-xs (ONNX)"),
        Text("combined", "Combinaison (parts de variance égales)", FusionArtifactPaths.TextCombined) with { NotRunNote = "non exécuté : aucune représentation à combiner" },
    ];

    /// <summary>What <c>text.combined</c> may take: every text representation but the combination itself.</summary>
    public static IReadOnlyList<ScoredRepresentation> CombinationCandidates => All.Where(r => r.Features != FusionArtifactPaths.TextCombined).ToArray();

    /// <summary>A pretrained sentence encoder of the <c>models</c> catalog; its metrics are <c>text.transformer.&lt;model&gt;.*</c>.</summary>
    private static ScoredRepresentation Transformer(string model, string label) =>
        Text($"transformer-{model.Replace('_', '-')}", label, ArtifactPaths.TextTransformerFeatures(model)) with { MetricPrefix = $"text.transformer.{model}" };

    private static ScoredRepresentation Text(string method, string label, string features) => new("text", method, label, features);
}
