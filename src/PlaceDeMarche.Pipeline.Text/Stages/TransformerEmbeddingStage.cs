using System.Diagnostics;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.Onnx.Models;
using PlaceDeMarche.Pipeline.Text.Html;
using PlaceDeMarche.Pipeline.Text.Transformers;

namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>
/// Sentence embeddings of each product's name and description by one pretrained transformer of the <c>models</c>
/// catalog (files shipped by NuGet packages, SHA-256 checked), run by ONNX Runtime. One stage per model.
/// </summary>
public sealed class TransformerEmbeddingStage(string model) : Stage<TransformerStageParameters>
{
    private readonly string section = $"text.transformer.{model}";

    public override string Name { get; } = "TextTransformer" + string.Concat(model.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    public override string Description => $"Embed product texts with the pretrained transformer '{model}' (models catalog) through ONNX Runtime";

    // The raw name and description: a transformer reads natural text, not the cleaned tokens of documents.parquet.
    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.Products];

    public override IReadOnlyList<string> Outputs { get; } = [ArtifactPaths.TextTransformerFeatures(model)];

    // The catalog entry pins every file's SHA-256, and a file is used only when it has that hash: the parameters
    // therefore identify the model's content, and no external input needs hashing at every run.
    protected override TransformerStageParameters BindParameters(PipelineConfiguration configuration) =>
        new(configuration.Bind<TransformerParameters>(section),
            configuration.Bind<ModelCatalogEntry>($"{ModelCatalogEntry.Section}.{model}").Files,
            configuration.Bind<OnnxSettings>(OnnxSettings.Section));

    protected override void Run(StageContext context, TransformerStageParameters stageParameters)
    {
        var parameters = stageParameters.Transformer;
        if (parameters.MaxTokens is < 3 or > 512 || parameters.BatchSize < 1)
        {
            throw new PipelineConfigurationException(
                $"{section}: max_tokens must be 3 to 512 and batch_size at least 1 (got {parameters.MaxTokens} and {parameters.BatchSize}).");
        }

        var pooling = parameters.Pooling switch
        {
            "mean" => TransformerPooling.Mean,
            "cls" => TransformerPooling.Cls,
            _ => throw new PipelineConfigurationException($"{section}.pooling is '{parameters.Pooling}'; use mean or cls."),
        };
        var stopwatch = Stopwatch.StartNew();
        var resolver = ModelResolver.ForWorkspace(context.Workspace.Root, context.Log);
        var modelPath = resolver.Resolve(model, stageParameters.ModelFiles, "model");
        var vocabularyPath = resolver.Resolve(model, stageParameters.ModelFiles, "vocabulary");
        var tokenizer = new WordPieceTokenizer(WordPieceVocabulary.Load(vocabularyPath), parameters.Lowercase);
        using var onnx = OnnxModel.Open(modelPath, model, $"{ModelCatalogEntry.Section}.{model}.files.model", stageParameters.Onnx, context.Log);
        var encoder = new TransformerSentenceEncoder(onnx, tokenizer, pooling);

        var products = ProductTable.Read(context.InputPath(ArtifactPaths.Products));
        var texts = products.Select(p => parameters.Prefix + HtmlEntityDecoder.Decode($"{p.Name}\n{p.Description}")).ToArray();
        var vectors = encoder.Encode(texts, parameters.BatchSize, parameters.MaxTokens, parameters.Normalize, out var truncated);
        new FeatureTable(products.Select(p => p.Id).ToArray(), products.Select(p => p.Category).ToArray(), vectors)
            .Write(context.OutputPath(ArtifactPaths.TextTransformerFeatures(model)));
        var dimensions = vectors.Length == 0 ? 0 : vectors[0].Length;
        var metrics = $"text.transformer.{model}";
        context.PublishMetric($"{metrics}.dimensions", dimensions);
        context.PublishMetric($"{metrics}.truncated_texts", truncated);
        context.PublishMetric($"{metrics}.execution_provider", onnx.ExecutionProvider.ToString().ToLowerInvariant());
        context.PublishMetric($"{metrics}.embedding_seconds", Math.Round(stopwatch.Elapsed.TotalSeconds, 3));
        context.Log.Info(
            $"{Name}: {vectors.Length} products embedded by '{model}' ('{encoder.OutputName}', {parameters.Pooling} pooling, {dimensions}-d, " +
            $"{onnx.ExecutionProvider.ToString().ToLowerInvariant()}); {truncated} texts cut to {parameters.MaxTokens} tokens");
    }
}
