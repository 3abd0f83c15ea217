using System.Text.Json.Nodes;
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

    private static readonly ProductRow[] Products =
    [
        new("p1", "Red Shirt", "watch", "Clothing", "Clothing >> Shirts", null, "missing"),
        new("p2", "Blue", "Watch", "Watches", "Watches", null, "missing"),
    ];

    private readonly Workspace workspace = new(Directory.CreateTempSubdirectory("transformer-stage-").FullName);
    private readonly TransformerEmbeddingStage stage = new();
    private readonly RecordingLog log = new();

    public TransformerEmbeddingStageTests()
    {
        var products = workspace.Resolve(ArtifactPaths.Products);
        Directory.CreateDirectory(Path.GetDirectoryName(products)!);
        ProductTable.Write(products, Products);
        Directory.CreateDirectory(workspace.Resolve("models"));
        File.WriteAllBytes(workspace.Resolve(ModelPath), TinyBertModels.HiddenStates());
        File.WriteAllLines(workspace.Resolve("models/vocab.txt"), TinyBertModels.Vocabulary);
    }

    public void Dispose() => Directory.Delete(workspace.Root, recursive: true);

    [Fact]
    public void WithoutAModelWritesAnEmptyTableAndSaysWhy()
    {
        var context = Context(new TransformerParameters());

        Assert.Empty(((IStage)stage).ResolveExternalInputs(context));
        ((IStage)stage).Run(context);

        var table = FeatureTable.Read(workspace.Resolve(ArtifactPaths.TextTransformerFeatures));
        Assert.Empty(table.Ids);
        Assert.Empty(table.Vectors);
        Assert.Equal("not run: no model supplied", context.Metrics["text.transformer.status"]!.GetValue<string>());
        Assert.Contains("TextTransformer: not run: no model supplied (set text.transformer.model)", log.Lines);
    }

    [Fact]
    public void EmbedsNameAndDescriptionOfEachProduct()
    {
        var context = Context(new TransformerParameters { Model = ModelPath, Normalize = false });

        ((IStage)stage).Run(context);

        var table = FeatureTable.Read(workspace.Resolve(ArtifactPaths.TextTransformerFeatures));
        Assert.Equal(["p1", "p2"], table.Ids);
        Assert.Equal(["Clothing", "Watches"], table.Categories);
        // [CLS] red shirt watch [SEP] -> (1+2+4+0+0, 0+4+2+6+1)/5 ; [CLS] blue watch [SEP] -> (1+6+0+0, 0+0+6+1)/4
        Assert.Equal([1.4f, 2.6f], table.Vectors[0], (a, b) => Math.Abs(a - b) < 1e-6f);
        Assert.Equal([1.75f, 1.75f], table.Vectors[1]);
        Assert.Equal("ran", context.Metrics["text.transformer.status"]!.GetValue<string>());
    }

    [Fact]
    public void ReplacingTheModelFileRerunsTheStage()
    {
        var graph = new StageGraph([new ProductsFixture(), stage]);
        var configuration = PipelineConfiguration.Parse($"seed: 1\ntext:\n  transformer:\n    model: {ModelPath}\n", "test.yaml");
        var runner = new StageRunner(graph, workspace, configuration, log);
        runner.Run(ProductsFixture.StageName, force: false);

        Assert.Equal(StageStatus.Ran, runner.Run(stage.Name, force: false).Status);
        Assert.Equal(StageStatus.UpToDate, runner.Run(stage.Name, force: false).Status);

        File.WriteAllBytes(workspace.Resolve(ModelPath), TinyBertModels.HiddenStates(scale: 2f));
        var rerun = runner.Run(stage.Name, force: false);

        Assert.Equal(StageStatus.Ran, rerun.Status);
        Assert.Equal("input changed: transformer model", rerun.Reason);
    }

    [Fact]
    public void AMissingModelFileIsAnErrorNamingItAndTheSetting()
    {
        var context = Context(new TransformerParameters { Model = "models/absent.onnx" });

        var error = Assert.Throws<FileNotFoundException>(() => ((IStage)stage).ResolveExternalInputs(context));

        Assert.Contains(workspace.Resolve("models/absent.onnx"), error.Message);
        Assert.Contains("text.transformer.model", error.Message);
    }

    [Fact]
    public void ACorruptModelFileIsAnErrorNamingIt()
    {
        File.WriteAllText(workspace.Resolve(ModelPath), "not an onnx model");
        var context = Context(new TransformerParameters { Model = ModelPath });

        var error = Assert.Throws<OnnxModelException>(() => ((IStage)stage).Run(context));

        Assert.Contains(workspace.Resolve(ModelPath), error.Message);
        Assert.Contains("text.transformer.model in pipeline.yaml", error.Message);
        Assert.Contains("replace it", error.Message);
    }

    private StageContext Context(TransformerParameters parameters) =>
        new(stage, workspace, new TransformerStageParameters(parameters, new OnnxSettings()), log, CancellationToken.None);

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
