namespace PlaceDeMarche.Pipeline.ArtifactCheck;

/// <summary>Every Parquet artifact of the full study, with the schema DuckDB must infer for it.</summary>
public static class StudyArtifacts
{
    private static readonly (string, string)[] Features = [("id", "VARCHAR"), ("category", "VARCHAR"), ("features", "FLOAT[]")];
    private static readonly (string, string)[] Clusters = [("id", "VARCHAR"), ("category", "VARCHAR"), ("cluster", "INTEGER"), ("tsne_x", "FLOAT"), ("tsne_y", "FLOAT")];
    private static readonly (string, string)[] Metrics = [("metric", "VARCHAR"), ("value", "DOUBLE")];
    private static readonly (string, string)[] Topics = [("topic", "INTEGER"), ("rank", "INTEGER"), ("term", "VARCHAR"), ("weight", "FLOAT")];

    /// <summary>The expectations for a study of <paramref name="products"/> products.</summary>
    public static IReadOnlyList<ArtifactExpectation> For(int products)
    {
        var expectations = new List<ArtifactExpectation>
        {
            new("download/archive.parquet", [("source", "VARCHAR"), ("file_name", "VARCHAR"), ("sha256", "VARCHAR"), ("bytes", "BIGINT"), ("is_sample", "BOOLEAN"), ("files", "INTEGER")], 1),
            new("ingest/products.parquet", [("id", "VARCHAR"), ("name", "VARCHAR"), ("description", "VARCHAR"), ("category", "VARCHAR"), ("category_path", "VARCHAR"), ("image_path", "VARCHAR"), ("image_status", "VARCHAR")], products),
            new("text/documents.parquet", [("id", "VARCHAR"), ("category", "VARCHAR"), ("tokens", "VARCHAR"), ("token_count", "INTEGER")], products),
            new("text/tfidf-vocabulary.parquet", [("term", "VARCHAR"), ("idf", "DOUBLE")]),
            new("text/bow-vocabulary.parquet", [("term", "VARCHAR")]),
            new("text/nmf-topics.parquet", Topics),
            new("text/lda-topics.parquet", Topics),
            new("text/nmf-metrics.parquet", Metrics),
            new("text/lda-metrics.parquet", Metrics),
            // The pretrained sentence encoders come with the restore, so they run offline too.
            new("text/transformer-minilm.parquet", Features, products),
            new("text/transformer-arctic_xs.parquet", Features, products),
            new("clustering/text-transformer-minilm.parquet", Clusters, products),
            new("clustering/text-transformer-arctic-xs.parquet", Clusters, products),
            new("clustering/text-transformer-minilm-metrics.parquet", Metrics),
            new("clustering/text-transformer-arctic-xs-metrics.parquet", Metrics),
            new("image/index.parquet", [("id", "VARCHAR"), ("category", "VARCHAR"), ("source_sha256", "VARCHAR"), ("status", "VARCHAR"), ("reason", "VARCHAR"), ("width", "INTEGER"), ("height", "INTEGER"), ("cache_key", "VARCHAR"), ("offset", "BIGINT"), ("length", "BIGINT")], products),
            new("image/sift-bovw.parquet", Features),
            new("image/colorhist.parquet", Features),
            new("image/sift-keypoints.parquet", [("id", "VARCHAR"), ("x", "FLOAT"), ("y", "FLOAT"), ("scale", "FLOAT"), ("angle", "FLOAT")]),
            new("collect/collected.parquet", [("food_id", "VARCHAR"), ("label", "VARCHAR"), ("category", "VARCHAR"), ("food_contents_label", "VARCHAR"), ("image", "VARCHAR"), ("source", "VARCHAR"), ("licence", "VARCHAR"), ("image_path", "VARCHAR"), ("thumbnail_path", "VARCHAR"), ("thumbnail_width", "INTEGER"), ("thumbnail_height", "INTEGER")]),
            new("collect/requests.parquet", [("provider", "VARCHAR"), ("query", "VARCHAR"), ("status", "VARCHAR"), ("reason", "VARCHAR"), ("reason_code", "VARCHAR"), ("products", "INTEGER"), ("pages", "INTEGER"), ("dropped_off_topic", "INTEGER"), ("requests", "INTEGER"), ("cache_hits", "INTEGER"), ("cache_misses", "INTEGER"), ("images_downloaded", "INTEGER"), ("images_failed", "INTEGER"), ("http_status", "INTEGER"), ("retry_after_seconds", "BIGINT")], 1),
            new("compliance/findings.parquet", [("scan", "VARCHAR"), ("location", "VARCHAR"), ("field", "VARCHAR"), ("kind", "VARCHAR"), ("masked", "VARCHAR")]),
            new("compliance/licences.parquet", [("component", "VARCHAR"), ("licence", "VARCHAR"), ("obligations", "VARCHAR"), ("source", "VARCHAR"), ("status", "VARCHAR"), ("note", "VARCHAR"), ("must_not_redistribute", "BOOLEAN"), ("requires_attribution", "BOOLEAN"), ("copyleft", "BOOLEAN")]),
        };
        string[] textMethods = ["tfidf", "lsa", "nmf", "bow", "lda", "doc2vec", .. new[] { "word2vec", "fasttext" }.SelectMany(m => new[] { "mean", "tfidf", "sif" }.Select(p => $"{m}-{p}"))];
        foreach (var method in textMethods)
        {
            expectations.Add(new($"text/{method}.parquet", Features, products));
            expectations.Add(new($"clustering/text-{method}.parquet", Clusters, products));
            expectations.Add(new($"clustering/text-{method}-metrics.parquet", Metrics));
        }

        // The trained word vectors the poolings read: one row per corpus word with a vector (the count depends on the corpus).
        foreach (var model in new[] { "word2vec", "fasttext" })
        {
            expectations.Add(new($"text/{model}-vectors.parquet", [("word", "VARCHAR"), ("vector", "FLOAT[]")]));
        }

        foreach (var method in new[] { "sift", "colorhist" })
        {
            expectations.Add(new($"clustering/image-{method}.parquet", Clusters));
            expectations.Add(new($"clustering/image-{method}-metrics.parquet", Metrics));
        }

        foreach (var model in new[] { "mobilenetv2", "resnet18" })
        {
            expectations.Add(new($"image/cnn-{model}-augmented.parquet", [("id", "VARCHAR"), ("copy", "INTEGER"), ("category", "VARCHAR"), ("augmentation", "VARCHAR"), ("features", "FLOAT[]")]));
        }

        // No timing column: the supervised tables are byte-identical from run to run (times go to the run summary).
        expectations.Add(new("supervised/scores.parquet", [("model", "VARCHAR"), ("representation", "VARCHAR"), ("fold", "INTEGER"), ("accuracy", "DOUBLE"), ("macro_f1", "DOUBLE"), ("chosen", "DOUBLE"), ("train_accuracy", "DOUBLE"), ("setting", "VARCHAR"), ("kept_epoch", "INTEGER")]));
        expectations.Add(new("supervised/curves.parquet", [("model", "VARCHAR"), ("fold", "INTEGER"), ("value", "DOUBLE"), ("train_accuracy", "DOUBLE"), ("validation_accuracy", "DOUBLE"), ("setting", "VARCHAR")]));
        expectations.Add(new("supervised/epochs.parquet", [("model", "VARCHAR"), ("fold", "INTEGER"), ("epoch", "INTEGER"), ("train_loss", "DOUBLE"), ("validation_loss", "DOUBLE"), ("validation_accuracy", "DOUBLE"), ("kept", "BOOLEAN")]));
        expectations.Add(new("supervised/metrics.parquet", Metrics));

        return expectations;
    }
}
