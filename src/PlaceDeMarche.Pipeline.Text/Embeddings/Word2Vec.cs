namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>Word2Vec skip-gram with negative sampling (Mikolov et al. 2013), deterministic for a seed.</summary>
public static class Word2Vec
{
    /// <summary>Trains word vectors on tokenised <paramref name="documents"/>, each one treated as a sentence.</summary>
    public static WordVectors Train(IReadOnlyList<string[]> documents, Word2VecOptions? options = null)
    {
        options ??= new Word2VecOptions();
        options.Validate();
        var vocabulary = EmbeddingVocabulary.Build(documents, options.MinCount);
        var trainer = new SkipGramTrainer(options, vocabulary, InputRowMap.Identity(vocabulary.Count));
        return new WordVectors(vocabulary, options.Dimensions, trainer.Train(documents));
    }
}
