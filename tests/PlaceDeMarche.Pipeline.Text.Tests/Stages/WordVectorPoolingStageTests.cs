using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Schema.Columns;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Text.Embeddings;
using PlaceDeMarche.Pipeline.Text.Stages;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;
using PlaceDeMarche.Pipeline.Text.Tests.Embeddings;
using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Text.Tests.Stages;

/// <summary>
/// Training and pooling are separate stages: pooling the word vectors the training stage stored gives exactly the
/// product vectors that pooling the trained model itself gives, rare words (fastText's n-gram vectors) included.
/// </summary>
public sealed class WordVectorPoolingStageTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("word-vector-pooling-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PoolingTheStoredVectorsGivesTheTrainedModelsProductVectors(bool subwords)
    {
        var workspace = new Workspace(folder);
        // Topic documents plus a rare word each (seen once: below min_count, so only fastText has a vector for it).
        var tokens = SyntheticTopicCorpus.Documents(documentsPerTopic: 20, wordsPerDocument: 12)
            .Select((document, d) => document.Append($"rare{d}x").ToArray()).ToArray();
        var ids = tokens.Select((_, d) => $"p{d}").ToArray();
        var documents = new DocumentTable(ids, ids.Select(id => "c").ToArray(), tokens.Select(t => string.Join(' ', t)).ToArray());
        documents.Write(Prepare(workspace, ArtifactPaths.TextDocuments));
        var terms = tokens.SelectMany(t => t).Distinct().Order(StringComparer.Ordinal).ToArray();
        var idf = terms.Select((_, i) => 1.0 + (i % 5) * 0.25).ToArray();
        ParquetArtifact.Write(Prepare(workspace, ArtifactPaths.TfIdfVocabulary), [new StringColumn("term", terms), new PrimitiveColumn<double>("idf", idf)]);
        var configuration = StudyConfiguration.Load()
            .WithOverride("text.word2vec.dimensions", "16")
            .WithOverride("text.word2vec.epochs", "2")
            .WithOverride("text.fasttext.buckets", "2000");

        var training = new WordEmbeddingStage(subwords);
        var trainingParameters = (WordEmbeddingStageParameters)Run(workspace, training, configuration);
        var poolings = WordVectorPoolingStage.Poolings.Select(pooling => new WordVectorPoolingStage(subwords, pooling)).ToArray();
        var sif = configuration.Bind<SifParameters>("text.sif");
        foreach (var pooling in poolings)
        {
            Run(workspace, pooling, configuration);
        }

        var options = trainingParameters.Training.ToOptions(trainingParameters.Seed);
        IWordVectorSource model = trainingParameters.Subwords is { } ngrams
            ? FastTextModel.Train(tokens, new FastTextOptions { Training = options, MinN = ngrams.MinN, MaxN = ngrams.MaxN, BucketCount = ngrams.Buckets })
            : Word2Vec.Train(tokens, options);
        var embedder = new DocumentEmbedder(model);
        var modelName = WordVectorPoolingStage.ModelName(subwords);
        Assert.Equal(embedder.EmbedAll(tokens), Vectors(workspace, modelName, "mean"));
        Assert.Equal(embedder.EmbedAll(tokens, new TermWeights(new Vocabulary(terms), idf)), Vectors(workspace, modelName, "tfidf"));
        Assert.Equal(embedder.EmbedAllSif(tokens, TermWeights.Sif(tokens, sif.A)), Vectors(workspace, modelName, "sif"));
        var stored = WordVectorTable.Read(workspace.Resolve(ArtifactPaths.TextWordVectors(modelName)));
        Assert.Equal(subwords, stored.Words.Contains("rare0x"));
        // Only the IDF-weighted pooling reads the TF-IDF vocabulary; the training reads the documents alone.
        Assert.Equal([poolings[1]], poolings.Where(pooling => pooling.Inputs.Contains(ArtifactPaths.TfIdfVocabulary)));
        Assert.Equal([ArtifactPaths.TextDocuments], training.Inputs);
    }

    private static float[][] Vectors(Workspace workspace, string model, string pooling) =>
        FeatureTable.Read(workspace.Resolve(ArtifactPaths.TextEmbedding(model, pooling))).Vectors;

    private static object Run(Workspace workspace, IStage stage, Core.Configuration.PipelineConfiguration configuration)
    {
        var parameters = stage.BindParameters(configuration);
        stage.Run(new StageContext(stage, workspace, parameters, new ConsoleLog(TextWriter.Null, TextWriter.Null, quiet: true), CancellationToken.None));
        return parameters;
    }

    private static string Prepare(Workspace workspace, string path)
    {
        var resolved = workspace.Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(resolved)!);
        return resolved;
    }
}
