namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>
/// Paragraph vectors, distributed bag of words (PV-DBOW, Le &amp; Mikolov 2014), trained together with skip-gram word
/// vectors (gensim's dbow_words=1): each document's vector predicts the document's words with negative sampling,
/// while the word pairs of its windows train the word vectors as in <see cref="Word2Vec"/>. Every document is part
/// of training, so no inference step is needed. Deterministic for a seed (single-threaded SGD).
/// </summary>
public static class Doc2Vec
{
    /// <summary>Trains one vector per document of <paramref name="documents"/> (tokenised) and the word vectors.</summary>
    public static Doc2VecModel Train(IReadOnlyList<string[]> documents, Word2VecOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new Word2VecOptions();
        options.Validate();
        var vocabulary = EmbeddingVocabulary.Build(documents, options.MinCount);
        var trainer = new SkipGramTrainer(options, vocabulary, InputRowMap.Identity(vocabulary.Count), documents.Count);
        var input = trainer.Train(documents);
        var wordFloats = vocabulary.Count * options.Dimensions;
        var words = new WordVectors(vocabulary, options.Dimensions, input[..wordFloats]);
        var documentVectors = new float[documents.Count][];
        for (var d = 0; d < documentVectors.Length; d++)
            documentVectors[d] = input.AsSpan(wordFloats + d * options.Dimensions, options.Dimensions).ToArray();
        return new Doc2VecModel(words, documentVectors);
    }
}
