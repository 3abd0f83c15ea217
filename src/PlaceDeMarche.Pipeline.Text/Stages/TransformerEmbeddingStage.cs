using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.Text.Html;
using PlaceDeMarche.Pipeline.Text.Transformers;

namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>
/// Sentence embeddings of each product's name and description by a pretrained transformer (BERT, MiniLM, ...)
/// exported to ONNX, when <c>text.transformer.model</c> names one. Without a model (none can be downloaded on
/// these machines) the stage writes an empty table, which the scoring and the report show as "not run".
/// </summary>
public sealed class TransformerEmbeddingStage : Stage<TransformerStageParameters>
{
    public const string NotRunStatus = "not run: no model supplied";

    private const string Section = "text.transformer";

    public override string Name => "TextTransformer";

    public override string Description => "Embed product texts with a transformer exported to ONNX (WordPiece, mean pooling); skipped without a model";

    // The raw name and description: a transformer reads natural text, not the cleaned tokens of documents.parquet.
    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.Products];

    public override IReadOnlyList<string> Outputs { get; } = [ArtifactPaths.TextTransformerFeatures];

    protected override TransformerStageParameters BindParameters(PipelineConfiguration configuration) =>
        new(configuration.Bind<TransformerParameters>(Section), configuration.Bind<OnnxSettings>(OnnxSettings.Section));

    /// <summary>The model and vocabulary files by content, so replacing either reruns the stage.</summary>
    protected override IReadOnlyDictionary<string, string> ResolveExternalInputs(StageContext context, TransformerStageParameters stageParameters)
    {
        var parameters = stageParameters.Transformer;
        if (parameters.Model.Length == 0)
        {
            return new Dictionary<string, string>();
        }

        var (model, vocabulary) = Locate(context.Workspace, parameters);
        return new Dictionary<string, string>
        {
            ["transformer model"] = ContentHash.OfFile(model),
            ["transformer vocabulary"] = ContentHash.OfFile(vocabulary),
        };
    }

    protected override void Run(StageContext context, TransformerStageParameters stageParameters)
    {
        var parameters = stageParameters.Transformer;
        var products = ProductTable.Read(context.InputPath(ArtifactPaths.Products));
        var output = context.OutputPath(ArtifactPaths.TextTransformerFeatures);
        if (parameters.Model.Length == 0)
        {
            new FeatureTable([], [], []).Write(output);
            context.PublishMetric("text.transformer.status", NotRunStatus);
            context.Log.Info($"{Name}: {NotRunStatus} (set {Section}.model)");
            return;
        }

        if (parameters.MaxTokens is < 3 or > 512 || parameters.BatchSize < 1)
        {
            throw new PipelineConfigurationException(
                $"{Section}: max_tokens must be 3 to 512 and batch_size at least 1 (got {parameters.MaxTokens} and {parameters.BatchSize}).");
        }

        var (modelPath, vocabularyPath) = Locate(context.Workspace, parameters);
        var tokenizer = new WordPieceTokenizer(WordPieceVocabulary.Load(vocabularyPath), parameters.Lowercase);
        using var model = OnnxModel.Open(modelPath, Path.GetFileNameWithoutExtension(modelPath), $"{Section}.model", stageParameters.Onnx, context.Log);
        var encoder = new TransformerSentenceEncoder(model, tokenizer);
        var texts = products.Select(p => HtmlEntityDecoder.Decode($"{p.Name}\n{p.Description}")).ToArray();
        var vectors = encoder.Encode(texts, parameters.BatchSize, parameters.MaxTokens, parameters.Normalize, out var truncated);
        new FeatureTable(products.Select(p => p.Id).ToArray(), products.Select(p => p.Category).ToArray(), vectors).Write(output);
        var dimensions = vectors.Length == 0 ? 0 : vectors[0].Length;
        context.PublishMetric("text.transformer.status", "ran");
        context.PublishMetric("text.transformer.dimensions", dimensions);
        context.PublishMetric("text.transformer.truncated_texts", truncated);
        context.PublishMetric("text.transformer.execution_provider", model.ExecutionProvider.ToString().ToLowerInvariant());
        context.Log.Info($"{Name}: {vectors.Length} products embedded by {Path.GetFileName(modelPath)} ('{encoder.OutputName}', {dimensions}-d); {truncated} texts cut to {parameters.MaxTokens} tokens");
    }

    private static (string Model, string Vocabulary) Locate(Workspace workspace, TransformerParameters parameters)
    {
        var model = Path.GetFullPath(parameters.Model, workspace.Root);
        if (!File.Exists(model))
        {
            throw new FileNotFoundException(
                $"{Section}.model is '{parameters.Model}', but {model} does not exist. Export a BERT-style model to ONNX there " +
                $"(with its vocab.txt beside it), or set {Section}.model to \"\" to skip the transformer.", model);
        }

        var vocabulary = parameters.Vocabulary.Length == 0
            ? Path.Combine(Path.GetDirectoryName(model)!, "vocab.txt")
            : Path.GetFullPath(parameters.Vocabulary, workspace.Root);
        if (!File.Exists(vocabulary))
        {
            throw new FileNotFoundException(
                $"The WordPiece vocabulary of {Section} ({vocabulary}) does not exist. Put the model's vocab.txt there, or set {Section}.vocabulary to its path.", vocabulary);
        }

        return (model, vocabulary);
    }
}
