using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Supervised.Features;

/// <summary>A TF-IDF vectorizer fitted on training rows, applied to any row's tokens (or to a new product's).</summary>
public sealed class FittedTfIdfBlock(TfIdfVectorizer vectorizer, string[][] tokens) : IFittedFeatureBlock
{
    public int Dimension => vectorizer.Vocabulary.Count;

    /// <summary>The vocabulary learned at fit time (the leak test reads it).</summary>
    public Vocabulary Vocabulary => vectorizer.Vocabulary;

    public float[][] Transform(IReadOnlyList<int> rows) => Vectors(vectorizer, rows.Select(r => tokens[r]).ToArray());

    public FeatureBlockModel Export() => new()
    {
        Kind = FeatureBlockModel.TfIdfKind,
        Representation = FeatureBlockModel.TfIdfKind,
        Terms = [.. vectorizer.Vocabulary.Terms],
        Idf = vectorizer.Idf.ToArray(),
    };

    /// <summary>Dense TF-IDF rows of <paramref name="documents"/>.</summary>
    public static float[][] Vectors(TfIdfVectorizer vectorizer, IReadOnlyList<string[]> documents)
    {
        if (documents.Count == 0)
            return [];
        var matrix = vectorizer.Transform(documents);
        var vectors = new float[matrix.Rows][];
        for (var row = 0; row < matrix.Rows; row++)
        {
            var vector = new float[matrix.Columns];
            var (columns, values) = matrix.Row(row);
            for (var k = 0; k < columns.Length; k++)
                vector[columns[k]] = values[k];
            vectors[row] = vector;
        }
        return vectors;
    }
}
