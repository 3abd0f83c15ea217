using System.Text.Json.Nodes;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Schema.Columns;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Numerics.Stages;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Stages;

/// <summary>
/// The LDA and NMF stages on a tiny corpus of three categories with disjoint vocabularies (words 0–3 for "Bath",
/// 4–7 for "Kitchen", 8–11 for "Toys"), so by construction each topic must be one category: strongest-topic ARI 1
/// and every topic's top terms from one category.
/// </summary>
public sealed class TopicModelStageTests : IDisposable
{
    private const string Configuration = """
        seed: 7
        text:
          lda:
            method: variational_bayes
            components: 3
            max_iterations: 30
          nmf:
            components: 3
            max_iterations: 200
        """;

    private static readonly string[] CategoryNames = ["Bath", "Kitchen", "Toys"];
    private static readonly string[] Terms = ["bath", "shower", "soap", "towel", "cup", "knife", "mug", "plate", "ball", "doll", "puzzle", "robot"];

    private readonly List<string> folders = [];

    public void Dispose()
    {
        foreach (var folder in folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void LdaWritesTopicProportionsTopTermsAndStrongestTopicAgreement()
    {
        var (workspace, metrics) = Run(new LdaStage(), ArtifactPaths.BagOfWordsFeatures, ArtifactPaths.BagOfWordsVocabulary, Configuration);

        var products = FeatureTable.Read(workspace.Resolve(ArtifactPaths.TextLdaFeatures));
        Assert.Equal(Corpus().Ids, products.Ids);
        Assert.Equal(Corpus().Categories, products.Categories);
        Assert.All(products.Vectors, proportions =>
        {
            Assert.Equal(3, proportions.Length);
            Assert.Equal(1.0, proportions.Sum(), 1e-5);
        });
        AssertEachTopicIsOneCategory(TopicTermTable.Read(workspace.Resolve(ArtifactPaths.TextLdaTopics)));
        Assert.Equal(1.0, MetricTable.Read(workspace.Resolve(ArtifactPaths.TextLdaMetrics))["argmax_ari"]);
        Assert.Equal(1.0, (double)metrics["text.lda.argmax_ari"]!);
        Assert.True((double)metrics["text.lda.model_perplexity"]! > 1);
    }

    [Fact]
    public void LdaByCollapsedGibbsSamplingIsSelectableAndFindsTheSameTopics()
    {
        var gibbs = Configuration.Replace("method: variational_bayes", "method: collapsed_gibbs");
        Assert.NotEqual(Configuration, gibbs);

        var (workspace, metrics) = Run(new LdaStage(), ArtifactPaths.BagOfWordsFeatures, ArtifactPaths.BagOfWordsVocabulary, gibbs);
        var variational = Run(new LdaStage(), ArtifactPaths.BagOfWordsFeatures, ArtifactPaths.BagOfWordsVocabulary, Configuration).Workspace;

        Assert.Equal(1.0, (double)metrics["text.lda.argmax_ari"]!);
        Assert.NotEqual(
            File.ReadAllBytes(variational.Resolve(ArtifactPaths.TextLdaFeatures)),
            File.ReadAllBytes(workspace.Resolve(ArtifactPaths.TextLdaFeatures)));
    }

    [Fact]
    public void NmfWritesTheSameKindsOfArtifacts()
    {
        var (workspace, metrics) = Run(new NmfStage(), ArtifactPaths.TfIdfFeatures, ArtifactPaths.TfIdfVocabulary, Configuration);

        Assert.All(FeatureTable.Read(workspace.Resolve(ArtifactPaths.TextNmfFeatures)).Vectors, weights => Assert.Equal(3, weights.Length));
        AssertEachTopicIsOneCategory(TopicTermTable.Read(workspace.Resolve(ArtifactPaths.TextNmfTopics)));
        Assert.Equal(1.0, MetricTable.Read(workspace.Resolve(ArtifactPaths.TextNmfMetrics))["argmax_ari"]);
        Assert.Equal(1.0, (double)metrics["text.nmf.argmax_ari"]!);
        Assert.True(metrics.ContainsKey("text.nmf.reconstruction_error"));
    }

    [Fact]
    public void LdaGivesTheSameBytesForTheSameSeed()
    {
        var first = Run(new LdaStage(), ArtifactPaths.BagOfWordsFeatures, ArtifactPaths.BagOfWordsVocabulary, Configuration).Workspace;
        var again = Run(new LdaStage(), ArtifactPaths.BagOfWordsFeatures, ArtifactPaths.BagOfWordsVocabulary, Configuration).Workspace;

        foreach (var output in new LdaStage().Outputs)
        {
            Assert.Equal(File.ReadAllBytes(first.Resolve(output)), File.ReadAllBytes(again.Resolve(output)));
        }
    }

    [Fact]
    public void LdaRejectsAVocabularyThatDoesNotMatchTheCounts()
    {
        var workspace = NewWorkspace();
        Corpus().Write(Prepare(workspace, ArtifactPaths.BagOfWordsFeatures));
        ParquetArtifact.Write(Prepare(workspace, ArtifactPaths.BagOfWordsVocabulary), [new StringColumn("term", Terms[..5])]);

        var error = Assert.Throws<InvalidDataException>(() => RunIn(workspace, new LdaStage(), Configuration));
        Assert.Contains("5 terms", error.Message, StringComparison.Ordinal);
        Assert.Contains("12 term columns", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Every term is ranked in every topic (how many to show is the report's choice), and each topic's four
    /// heaviest terms are one category's words.</summary>
    private static void AssertEachTopicIsOneCategory(TopicTermTable topics)
    {
        Assert.Equal(3 * Terms.Length, topics.Terms.Length);
        Assert.Equal(Enumerable.Range(0, 3).SelectMany(topic => Enumerable.Repeat(topic, Terms.Length)), topics.Topics);
        Assert.Equal(Enumerable.Range(0, 3).SelectMany(_ => Enumerable.Range(0, Terms.Length)), topics.Ranks);
        var categoryOfTopic = Enumerable.Range(0, 3)
            .Select(topic => Enumerable.Range(0, topics.Terms.Length).Where(i => topics.Topics[i] == topic && topics.Ranks[i] < 4)
                .Select(i => Array.IndexOf(Terms, topics.Terms[i]) / 4).Distinct().Single())
            .ToArray();
        Assert.Equal([0, 1, 2], categoryOfTopic.Order());
    }

    /// <summary>Twelve products per category; each uses its category's four words with varying counts.</summary>
    private static FeatureTable Corpus()
    {
        var ids = new List<string>();
        var categories = new List<string>();
        var vectors = new List<float[]>();
        for (var product = 0; product < 36; product++)
        {
            var category = product % 3;
            var counts = new float[Terms.Length];
            for (var word = 0; word < 4; word++)
            {
                counts[category * 4 + word] = 1 + (product + word) % 3;
            }

            ids.Add($"p{product}");
            categories.Add(CategoryNames[category]);
            vectors.Add(counts);
        }

        return new FeatureTable([.. ids], [.. categories], [.. vectors]);
    }

    private (Workspace Workspace, IReadOnlyDictionary<string, JsonNode?> Metrics) Run(IStage stage, string features, string vocabulary, string configuration)
    {
        var workspace = NewWorkspace();
        Corpus().Write(Prepare(workspace, features));
        ParquetArtifact.Write(Prepare(workspace, vocabulary), [new StringColumn("term", Terms)]);
        return (workspace, RunIn(workspace, stage, configuration));
    }

    private static IReadOnlyDictionary<string, JsonNode?> RunIn(Workspace workspace, IStage stage, string configuration)
    {
        var parameters = stage.BindParameters(PipelineConfiguration.Parse(configuration, "test.yaml"));
        var context = new StageContext(stage, workspace, parameters, new ConsoleLog(TextWriter.Null, TextWriter.Null, quiet: true), CancellationToken.None);
        stage.Run(context);
        return context.Metrics;
    }

    private static string Prepare(Workspace workspace, string artifact)
    {
        var path = workspace.Resolve(artifact);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private Workspace NewWorkspace()
    {
        var folder = Directory.CreateTempSubdirectory("topic-stage-").FullName;
        folders.Add(folder);
        return new Workspace(folder);
    }
}
