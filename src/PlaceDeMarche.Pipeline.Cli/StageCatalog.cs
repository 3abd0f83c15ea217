using PlaceDeMarche.Pipeline.Collection.Stages;
using PlaceDeMarche.Pipeline.Compliance.Stages;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Dataset.Stages;
using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.Numerics.Stages;
using PlaceDeMarche.Pipeline.Report.Stages;
using PlaceDeMarche.Pipeline.Supervised.Stages;
using PlaceDeMarche.Pipeline.Text.Stages;

namespace PlaceDeMarche.Pipeline.Cli;

/// <summary>
/// The study's stages. Their dependencies follow from the artifacts they read and write (see <see cref="StageGraph"/>);
/// Cake builds its tasks from this list, so this is the only place a stage is registered.
/// </summary>
public static class StageCatalog
{
    public static StageGraph CreateGraph() => new(
    [
        new DownloadStage(() => new HttpClient { Timeout = Timeout.InfiniteTimeSpan }),
        new IngestStage(),
        new TextCleaningStage(),
        new TextFeaturesStage(),
        new BagOfWordsStage(),
        new LsaStage(),
        new NmfStage(),
        new LdaStage(),
        new WordEmbeddingStage(subwords: false),
        new WordEmbeddingStage(subwords: true),
        .. new[] { false, true }.SelectMany(subwords => WordVectorPoolingStage.Poolings.Select(pooling => new WordVectorPoolingStage(subwords, pooling))),
        new Doc2VecStage(),
        .. TransformerModels.All.Select(model => new TransformerEmbeddingStage(model)),
        new BlockFusionStage("TextCombined", "text.combined", TextRepresentation.CombinationCandidates, FusionArtifactPaths.TextCombined, null, FusionArtifactPaths.TextCombinedBlocks),
        .. TextRepresentation.All.Select(r => new ClusteringStage(r.ClusteringStage, r.Features, r.Clusters, r.ClusterMetrics, r.MetricPrefix)),
        new CollectStage(),
        new ComplianceStage(),
        new ImagePreprocessStage(),
        new ImageSiftStage(),
        new ImageColorHistogramStage(),
        .. ImageRepresentation.CnnModels.Select(model => new ImageCnnEmbeddingStage(model)),
        .. ImageRepresentation.CnnModels.Select(model => new ImageAugmentedEmbeddingStage(model)),
        new ImageCnnCombinationStage(),
        .. ImageRepresentation.All.Select(r => new ClusteringStage(r.ClusteringStage, r.Features, r.Clusters, r.ClusterMetrics, r.MetricPrefix)),
        new ImageCnnComparisonStage(),
        new SupervisedStage(),
        new BlockFusionStage("Fusion", "fusion", FusionRepresentation.Candidates, FusionArtifactPaths.EqualShare, FusionArtifactPaths.NaiveConcatenation, FusionArtifactPaths.Blocks),
        new CoAssociationStage("FusionCoAssociation", "fusion", FusionRepresentation.Candidates, FusionArtifactPaths.CoAssociation),
        .. FusionRepresentation.All.Select(r => new ClusteringStage(r.ClusteringStage, r.Features, r.Clusters, r.ClusterMetrics, r.MetricPrefix)),
        new TextReportStage(),
        new FeasibilityReportStage(),
    ]);
}
