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
        Text("transformer", "Transformer (ONNX)", ArtifactPaths.TextTransformerFeatures) with { NotRunNote = "non exécuté : aucun modèle fourni" },
        Text("combined", "Combinaison (parts de variance égales)", FusionArtifactPaths.TextCombined) with { NotRunNote = "non exécuté : aucune représentation à combiner" },
    ];

    /// <summary>What <c>text.combined</c> may take: every text representation but the combination itself.</summary>
    public static IReadOnlyList<ScoredRepresentation> CombinationCandidates => All.Where(r => r.Features != FusionArtifactPaths.TextCombined).ToArray();

    private static ScoredRepresentation Text(string method, string label, string features) => new("text", method, label, features);
}
