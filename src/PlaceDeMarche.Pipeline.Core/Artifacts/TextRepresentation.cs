namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>
/// One way of turning product text into vectors, scored by the shared protocol. <see cref="Method"/> names its
/// artifacts (<c>clustering/text-&lt;method&gt;.parquet</c>) and metrics (<c>text.&lt;method&gt;.ari_mean</c>, with
/// '-' written '_').
/// </summary>
public sealed record TextRepresentation(string Method, string Label, string Features)
{
    /// <summary>The representations of the text study, in report order. Listed once: stages and report follow it.</summary>
    public static IReadOnlyList<TextRepresentation> All { get; } =
    [
        new("bow", "Sac de mots", ArtifactPaths.BagOfWordsFeatures),
        new("tfidf", "TF-IDF", ArtifactPaths.TfIdfFeatures),
        new("lsa", "LSA (SVD tronquée)", ArtifactPaths.TextLsaFeatures),
        new("nmf", "NMF (thèmes)", ArtifactPaths.TextNmfFeatures),
        new("lda", "LDA (thèmes)", ArtifactPaths.TextLdaFeatures),
        new("word2vec-mean", "Word2Vec (moyenne)", ArtifactPaths.TextEmbedding("word2vec", "mean")),
        new("word2vec-tfidf", "Word2Vec (pondérée IDF)", ArtifactPaths.TextEmbedding("word2vec", "tfidf")),
        new("fasttext-mean", "fastText (moyenne)", ArtifactPaths.TextEmbedding("fasttext", "mean")),
        new("fasttext-tfidf", "fastText (pondérée IDF)", ArtifactPaths.TextEmbedding("fasttext", "tfidf")),
        new("word2vec-sif", "Word2Vec (SIF)", ArtifactPaths.TextEmbedding("word2vec", "sif")),
        new("fasttext-sif", "fastText (SIF)", ArtifactPaths.TextEmbedding("fasttext", "sif")),
        new("doc2vec", "Doc2Vec (PV-DBOW)", ArtifactPaths.TextDoc2VecFeatures),
        new("transformer", "Transformer (ONNX)", ArtifactPaths.TextTransformerFeatures) { NotRunNote = "non exécuté : aucun modèle fourni" },
    ];

    /// <summary>What the report shows instead of scores when <see cref="Features"/> has no rows (the method did not run).</summary>
    public string NotRunNote { get; init; } = "non exécuté";

    public string Clusters => $"data/artifacts/clustering/text-{Method}.parquet";

    public string ClusterMetrics => $"data/artifacts/clustering/text-{Method}-metrics.parquet";

    public string MetricPrefix => "text." + Method.Replace('-', '_');

    /// <summary>Name of the stage that scores it, e.g. <c>TextWord2vecMeanClustering</c>.</summary>
    public string ClusteringStage => "Text" + string.Concat(Method.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..])) + "Clustering";
}
