namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>
/// Every artifact's workspace-relative path, named once. Stages declare these as inputs and outputs; the stage
/// graph is derived from who writes and who reads each one. A trailing '/' marks a folder.
/// </summary>
public static class ArtifactPaths
{
    public const string ExtractedDataset = "data/artifacts/download/dataset/";
    public const string ArchiveInfo = "data/artifacts/download/archive.parquet";
    public const string Products = "data/artifacts/ingest/products.parquet";
    public const string TextDocuments = "data/artifacts/text/documents.parquet";
    public const string TfIdfFeatures = "data/artifacts/text/tfidf.parquet";
    public const string TfIdfVocabulary = "data/artifacts/text/tfidf-vocabulary.parquet";
    public const string TextLsaFeatures = "data/artifacts/text/lsa.parquet";
    public const string TextNmfFeatures = "data/artifacts/text/nmf.parquet";
    public const string TextNmfTopics = "data/artifacts/text/nmf-topics.parquet";
    public const string TextNmfMetrics = "data/artifacts/text/nmf-metrics.parquet";
    public const string BagOfWordsFeatures = "data/artifacts/text/bow.parquet";
    public const string BagOfWordsVocabulary = "data/artifacts/text/bow-vocabulary.parquet";
    public const string TextLdaFeatures = "data/artifacts/text/lda.parquet";
    public const string TextLdaTopics = "data/artifacts/text/lda-topics.parquet";
    public const string TextLdaMetrics = "data/artifacts/text/lda-metrics.parquet";
    /// <summary>The vectors <paramref name="model"/> (word2vec or fasttext) trained on the corpus: one row per corpus word that has one.</summary>
    public static string TextWordVectors(string model) => $"data/artifacts/text/{model}-vectors.parquet";
    /// <summary>Document vectors from word embeddings: <paramref name="model"/> is word2vec or fasttext, <paramref name="pooling"/> mean, tfidf or sif.</summary>
    public static string TextEmbedding(string model, string pooling) => $"data/artifacts/text/{model}-{pooling}.parquet";
    public const string TextDoc2VecFeatures = "data/artifacts/text/doc2vec.parquet";
    /// <summary>Sentence vectors of the pretrained transformer <paramref name="model"/> (a <c>models</c> catalog name).</summary>
    public static string TextTransformerFeatures(string model) => $"data/artifacts/text/transformer-{model}.parquet";

    public const string FeasibilityReport = "reports/feasibility-report.pdf";
    /// <summary>The text study on its own ("Texte" section and its parameters), for readers of that half only.</summary>
    public const string TextStudyReport = "reports/text-study.pdf";
}
