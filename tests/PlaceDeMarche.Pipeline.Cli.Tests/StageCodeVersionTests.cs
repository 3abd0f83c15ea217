using PlaceDeMarche.Pipeline.Collection.Stages;
using PlaceDeMarche.Pipeline.Compliance.Stages;
using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Dataset.Stages;
using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.Numerics.Clustering;
using PlaceDeMarche.Pipeline.Numerics.Manifold;
using PlaceDeMarche.Pipeline.Numerics.Stages;
using PlaceDeMarche.Pipeline.Text.Stages;

namespace PlaceDeMarche.Pipeline.Cli.Tests;

/// <summary>
/// A stage's code version covers the code it can reach (<see cref="CodeVersion.Closure"/>): these pin, on the real
/// catalog, that an edit in one family's code reruns no stage of a family that cannot reach it.
/// </summary>
public sealed class StageCodeVersionTests
{
    private static readonly IReadOnlyList<IStage> Stages = StageCatalog.CreateGraph().Stages;

    /// <summary>Labels of the clustering and projection code: the algorithms' namespaces and the clustering stage.</summary>
    private static readonly string[] ClusteringAndProjectionPrefixes =
        [typeof(KMeans).Namespace! + ".", typeof(TSne).Namespace! + ".", typeof(ClusteringStage).FullName!];

    public static TheoryData<string> EmbeddingTrainersAndCollection() =>
        [.. Stages.Where(s => s is WordEmbeddingStage or Doc2VecStage or TransformerEmbeddingStage or DownloadStage or CollectStage or ComplianceStage)
            .Select(s => s.Name)];

    /// <summary>Stages of the text study, wherever their code lives (LSA, NMF and LDA and the clusterings are in Numerics).</summary>
    public static TheoryData<string> TextStages() => [.. Named("Text")];

    public static TheoryData<string> ImageStages() => [.. Named("Image")];

    [Fact]
    public void TheCatalogHasTheStagesTheseTestsAreAbout()
    {
        Assert.Equal(8, EmbeddingTrainersAndCollection().Count);
        Assert.Contains("TextCleaning", Named("Text"));
        Assert.Contains("TextWord2vecMeanClustering", Named("Text"));
        Assert.Contains("ImagePreprocess", Named("Image"));
        Assert.Contains("ImageCnnMobilenetv2Clustering", Named("Image"));
    }

    [Theory]
    [MemberData(nameof(EmbeddingTrainersAndCollection))]
    public void NoClusteringOrProjectionCodeReachesEmbeddingTrainersOrCollection(string stage)
    {
        Assert.DoesNotContain(ClosureOf(stage), label => ClusteringAndProjectionPrefixes.Any(prefix => label.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(TextStages))]
    public void NoImageCodeReachesATextStage(string stage)
    {
        Assert.DoesNotContain(ClosureOf(stage), label => label.EndsWith(", " + typeof(ImagePreprocessStage).Assembly.GetName().Name, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ImageStages))]
    public void NoTextCodeReachesAnImageStage(string stage)
    {
        Assert.DoesNotContain(ClosureOf(stage), label => label.EndsWith(", " + typeof(TextCleaningStage).Assembly.GetName().Name, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryStageIsDescribedWithoutCountingAWholeAssembly()
    {
        Assert.All(Stages, stage => Assert.DoesNotContain("whole assembly", CodeVersion.Describe(stage.GetType()), StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> ClosureOf(string stage) => CodeVersion.Closure(Stages.Single(s => s.Name == stage).GetType());

    private static string[] Named(string prefix) =>
        [.. Stages.Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(s => s.Name)];
}
