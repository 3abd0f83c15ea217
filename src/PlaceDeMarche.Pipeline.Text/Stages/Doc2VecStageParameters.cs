namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>What the Doc2Vec stage depends on: the seed and the <c>text.doc2vec</c> training section.</summary>
public sealed record Doc2VecStageParameters(int Seed, WordEmbeddingParameters Training);
