using PlaceDeMarche.Pipeline.Numerics.Clustering;
using PlaceDeMarche.Pipeline.Numerics.Decomposition;
using PlaceDeMarche.Pipeline.Numerics.Manifold;
using PlaceDeMarche.Pipeline.Numerics.Metrics;
using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Benchmarks;

/// <summary>Peer of reference/text_tfidf_tsne.py: TF-IDF (1,2)-grams, PCA 50, t-SNE, KMeans(7), ARI.</summary>
internal static class TextBenchmark
{
    private const int PcaComponents = 50;
    private const int ClusterCount = 7;

    public static void Run(string csvPath)
    {
        var (tokens, categories) = BenchmarkInputs.CleanedProducts(csvPath);
        var vectorizer = new TfIdfVectorizer(new TfIdfOptions { Ngrams = new NgramRange(1, 2) });
        var tfidf = vectorizer.FitTransform(tokens);
        var pca = Pca.Fit(tfidf.ToDense(), PcaOptions.WithComponentCount(PcaComponents));
        var tsne = TSne.Fit(pca.Projection, new TSneOptions { Seed = 0 });
        var kmeans = KMeans.Fit(tsne.Embedding, new KMeansOptions { ClusterCount = ClusterCount, InitCount = 10, Seed = 0 });
        var ari = AdjustedRandIndex.Compute(categories, kmeans.Labels.ToArray());
        Console.WriteLine($"ours: {tfidf.Rows} documents, {tfidf.Columns} terms, PCA {pca.ComponentCount}, t-SNE KL {tsne.KullbackLeiblerDivergence:F3} after {tsne.Iterations} iterations, KMeans({ClusterCount}) ARI {ari:F3}");
    }
}
