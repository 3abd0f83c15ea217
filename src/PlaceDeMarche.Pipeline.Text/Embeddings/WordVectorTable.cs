using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>
/// Trained word vectors as an artifact: one row per word of the corpus that has a vector (for fastText, words below
/// min_count too, from their character n-grams), so the pooling stages read exactly the vectors the model gives
/// those words without retraining it.
/// </summary>
public sealed class WordVectorTable : IWordVectorSource
{
    private readonly Dictionary<string, int> indexByWord;

    public WordVectorTable(string[] words, float[][] vectors, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(vectors);
        if (words.Length != vectors.Length)
            throw new ArgumentException($"{words.Length} words for {vectors.Length} vectors; pass one vector per word.", nameof(vectors));
        if (vectors.FirstOrDefault(v => v.Length != dimensions) is { } wrong)
            throw new ArgumentException($"A word vector has {wrong.Length} values, not {dimensions}.", nameof(vectors));
        Words = words;
        Vectors = vectors;
        Dimensions = dimensions;
        indexByWord = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
            indexByWord.Add(words[i], i);
    }

    public string[] Words { get; }

    public float[][] Vectors { get; }

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <summary>The vector <paramref name="source"/> gives each distinct token of <paramref name="documents"/>, most frequent first.</summary>
    public static WordVectorTable Capture(IWordVectorSource source, IReadOnlyList<string[]> documents)
    {
        ArgumentNullException.ThrowIfNull(source);
        var words = new List<string>();
        var vectors = new List<float[]>();
        foreach (var word in EmbeddingVocabulary.Build(documents, minCount: 1).Words)
        {
            var vector = new float[source.Dimensions];
            if (source.TryCopyVector(word, vector))
            {
                words.Add(word);
                vectors.Add(vector);
            }
        }

        return new WordVectorTable([.. words], [.. vectors], source.Dimensions);
    }

    /// <inheritdoc />
    public bool TryCopyVector(string word, Span<float> destination)
    {
        if (!indexByWord.TryGetValue(word, out var index))
            return false;
        Vectors[index].CopyTo(destination);
        return true;
    }

    public void Write(string path) => ParquetArtifact.Write(path,
    [
        new StringColumn("word", Words),
        new FloatVectorColumn("vector", Vectors),
    ]);

    public static WordVectorTable Read(string path)
    {
        var table = ParquetArtifact.Read(path);
        var words = table.GetStrings("word").Select(s => s!).ToArray();
        var vectors = table.GetFloatVectors("vector").Select(v => v!).ToArray();
        return new WordVectorTable(words, vectors, vectors.Length == 0 ? 0 : vectors[0].Length);
    }
}
