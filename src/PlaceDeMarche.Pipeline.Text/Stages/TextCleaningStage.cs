using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Text.Cleaning;

namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>Cleans each product's name and description into tokens (per product: runs by shard, <c>run --shard i/n</c>).</summary>
public sealed class TextCleaningStage : Stage<TextCleaningParameters>, IShardableStage
{
    public override string Name => "TextCleaning";

    public override string Description => "Clean product names and descriptions into tokens (entities, case, digits, stop words)";

    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.Products];

    public override IReadOnlyList<string> Outputs { get; } = [ArtifactPaths.TextDocuments];

    protected override TextCleaningParameters BindParameters(PipelineConfiguration configuration) =>
        configuration.Bind<TextCleaningParameters>("text.cleaning");

    protected override void Run(StageContext context, TextCleaningParameters parameters)
    {
        var products = ProductTable.Read(context.InputPath(ArtifactPaths.Products)).Where(p => context.InShard(p.Id)).ToArray();
        var cleaner = new TextCleaner(parameters.ToOptions());
        var documents = cleaner.CleanAll(products.Select(p => $"{p.Name}\n{p.Description}").ToArray());
        new DocumentTable(
            products.Select(p => p.Id).ToArray(),
            products.Select(p => p.Category).ToArray(),
            documents.Select(d => d.Text).ToArray()).Write(context.OutputPath(ArtifactPaths.TextDocuments));
        var tokens = documents.Sum(d => (long)d.Tokens.Length);
        context.Log.Info($"TextCleaning: {documents.Length} documents, {tokens} tokens ({(double)tokens / Math.Max(1, documents.Length):F0} per product)");
    }

    /// <summary>The shards' documents in product order.</summary>
    public void MergeShards(StageContext context, ShardParts parts)
    {
        var tables = parts.PathsOf(ArtifactPaths.TextDocuments).Select(DocumentTable.Read).ToArray();
        var ids = tables.SelectMany(t => t.Ids).ToArray();
        var categories = tables.SelectMany(t => t.Categories).ToArray();
        var tokens = tables.SelectMany(t => t.Tokens).ToArray();
        var products = ProductTable.Read(context.InputPath(ArtifactPaths.Products));
        var order = ShardParts.CanonicalOrder(ids, products.Select(p => p.Id).ToArray());
        if (order.Length != products.Count)
        {
            throw new InvalidDataException($"{Name}: the {parts.Count} shards hold {order.Length} documents for {products.Count} products; rerun the shards.");
        }

        new DocumentTable(order.Select(i => ids[i]).ToArray(), order.Select(i => categories[i]).ToArray(), order.Select(i => tokens[i]).ToArray())
            .Write(context.OutputPath(ArtifactPaths.TextDocuments));
    }
}
