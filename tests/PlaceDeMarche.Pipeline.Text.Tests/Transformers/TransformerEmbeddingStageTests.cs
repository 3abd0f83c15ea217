using System.Security.Cryptography;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Execution;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.TestSupport.Logging;
using PlaceDeMarche.Pipeline.Text.Stages;

namespace PlaceDeMarche.Pipeline.Text.Tests.Transformers;

public sealed class TransformerEmbeddingStageTests : IDisposable
{
    private const string ModelPath = "models/tiny.onnx";
    private const string VocabularyPath = "models/vocab.txt";

    private static readonly ProductRow[] Products =
    [
        new("p1", "Red Shirt", "watch", "Clothing", "Clothing >> Shirts", null, "missing"),
        new("p2", "Blue", "Watch", "Watches", "Watches", null, "missing"),
    ];

    private readonly Workspace workspace = new(Directory.CreateTempSubdirectory("transformer-stage-").FullName);
    private readonly TransformerEmbeddingStage stage = new("tiny");
    private readonly RecordingLog log = new();

    public TransformerEmbeddingStageTests()
    {
        var products = workspace.Resolve(ArtifactPaths.Products);
        Directory.CreateDirectory(Path.GetDirectoryName(products)!);
        ProductTable.Write(products, Products);
        Directory.CreateDirectory(workspace.Resolve("models"));
        File.WriteAllBytes(workspace.Resolve(ModelPath), TinyBertModels.HiddenStates());
        File.WriteAllLines(workspace.Resolve(VocabularyPath), TinyBertModels.Vocabulary);
    }

    public void Dispose() => Directory.Delete(workspace.Root, recursive: true);

    [Fact]
    public void Is_named_after_its_model_and_writes_its_own_artifact()
    {
        Assert.Equal("TextTransformerArcticXs", new TransformerEmbeddingStage("arctic_xs").Name);
        Assert.Equal(["data/artifacts/text/transformer-tiny.parquet"], stage.Outputs);
    }

    [Fact]
    public void Mean_pooling_embeds_name_and_description_of_each_product()
    {
        var context = RunStage("mean");

        var table = FeatureTable.Read(workspace.Resolve(ArtifactPaths.TextTransformerFeatures("tiny")));
        Assert.Equal(["p1", "p2"], table.Ids);
        Assert.Equal(["Clothing", "Watches"], table.Categories);
        // [CLS] red shirt watch [SEP] -> (1+2+4+0+0, 0+4+2+6+1)/5 ; [CLS] blue watch [SEP] -> (1+6+0+0, 0+0+6+1)/4
        Assert.Equal([1.4f, 2.6f], table.Vectors[0], (a, b) => Math.Abs(a - b) < 1e-6f);
        Assert.Equal([1.75f, 1.75f], table.Vectors[1]);
        Assert.Equal("cpu", context.Metrics["text.transformer.tiny.execution_provider"]!.GetValue<string>());
        Assert.Equal(2, context.Metrics["text.transformer.tiny.dimensions"]!.GetValue<int>());
    }

    [Fact]
    public void Cls_pooling_takes_the_first_tokens_state()
    {
        RunStage("cls");

        // The state of [CLS] is row 2 of the table, (1, 0), whatever the text.
        var table = FeatureTable.Read(workspace.Resolve(ArtifactPaths.TextTransformerFeatures("tiny")));
        Assert.All(table.Vectors, vector => Assert.Equal([1f, 0f], vector));
    }

    [Fact]
    public void Changing_the_pinned_model_reruns_the_stage_and_a_file_with_another_hash_is_refused()
    {
        var graph = new StageGraph([new ProductsFixture(), stage]);
        var runner = new StageRunner(graph, workspace, Configuration(Sha(ModelPath)), log);
        runner.Run(ProductsFixture.StageName, force: false);
        Assert.Equal(StageStatus.Ran, runner.Run(stage.Name, force: false).Status);
        Assert.Equal(StageStatus.UpToDate, runner.Run(stage.Name, force: false).Status);

        File.WriteAllBytes(workspace.Resolve(ModelPath), TinyBertModels.HiddenStates(scale: 2f));
        var refused = Assert.Throws<OnnxModelException>(() => ((IStage)stage).Run(Context(Configuration(new string('0', 64)))));
        var repinned = new StageRunner(graph, workspace, Configuration(Sha(ModelPath)), log).Run(stage.Name, force: false);

        Assert.Contains("models.tiny.files.model in pipeline.yaml expects", refused.Message);
        Assert.Equal(StageStatus.Ran, repinned.Status);
    }

    [Fact]
    public void An_unknown_pooling_is_a_configuration_error()
    {
        var error = Assert.Throws<PipelineConfigurationException>(() => RunStage("max"));

        Assert.Contains("text.transformer.tiny.pooling is 'max'; use mean or cls.", error.Message);
    }

    private StageContext RunStage(string pooling)
    {
        var context = Context(Configuration(Sha(ModelPath), pooling));
        ((IStage)stage).Run(context);
        return context;
    }

    private StageContext Context(PipelineConfiguration configuration) =>
        new(stage, workspace, ((IStage)stage).BindParameters(configuration), log, CancellationToken.None);

    private PipelineConfiguration Configuration(string modelSha, string pooling = "mean") => PipelineConfiguration.Parse($"""
        seed: 1
        models:
          tiny:
            licence: MIT
            origin: a tiny graph built by the test
            files:
              model: [{"{"} source: {ModelPath}, sha256: "{modelSha}" {"}"}]
              vocabulary: [{"{"} source: {VocabularyPath}, sha256: "{Sha(VocabularyPath)}" {"}"}]
        text:
          transformer:
            tiny: {"{"} max_tokens: 128, batch_size: 16, lowercase: true, pooling: {pooling}, normalize: false, prefix: "" {"}"}
        onnx: {"{"} execution_provider: cpu, intra_op_threads: 1 {"}"}
        """, "test.yaml");

    private string Sha(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(workspace.Resolve(path))));

    /// <summary>Stands in for Ingest: declares products.parquet, already written by the test.</summary>
    private sealed class ProductsFixture : Stage<int>
    {
        public const string StageName = "Products";

        public override string Name => StageName;

        public override string Description => "test products";

        public override IReadOnlyList<string> Inputs { get; } = [];

        public override IReadOnlyList<string> Outputs { get; } = [ArtifactPaths.Products];

        protected override int BindParameters(PipelineConfiguration configuration) => 0;

        protected override void Run(StageContext context, int parameters) => ProductTable.Write(context.OutputPath(ArtifactPaths.Products), Products);
    }
}
