namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>What a word-embedding training stage depends on (what changes the vectors); <see cref="Subwords"/> is null for plain Word2Vec.</summary>
public sealed record WordEmbeddingStageParameters(int Seed, WordEmbeddingParameters Training, SubwordParameters? Subwords);
