using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Dataset.Products;

namespace PlaceDeMarche.Pipeline.Dataset.Stages;

/// <summary>
/// Parses the archive's product CSV, derives each product's category from the first level of its category tree,
/// and checks its photo. Missing or unreadable photos are reported, not fatal.
/// </summary>
public sealed class IngestStage : Stage<IngestParameters>
{
    public override string Name => "Ingest";

    public override string Description => "Parse the product CSV, derive the categories, check every product photo";

    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.ExtractedDataset];

    public override IReadOnlyList<string> Outputs { get; } = [ArtifactPaths.Products];

    protected override IngestParameters BindParameters(PipelineConfiguration configuration) =>
        configuration.Bind<IngestParameters>("ingest");

    protected override void Run(StageContext context, IngestParameters parameters)
    {
        var datasetRoot = context.InputPath(ArtifactPaths.ExtractedDataset);
        var csvPath = FindProductTable(datasetRoot);
        var catalog = FlipkartCatalog.Load(csvPath, Path.Combine(Path.GetDirectoryName(csvPath)!, parameters.ImagesFolder));
        var rows = catalog.Products.Select(p => new ProductRow(
            p.UniqId,
            p.ProductName,
            p.Description,
            p.Category,
            string.Join(" >> ", p.CategoryPath),
            p.ImagePath is null ? null : Path.GetRelativePath(context.Workspace.Root, p.ImagePath).Replace('\\', '/'),
            StatusName(p.ImageStatus))).ToArray();
        ProductTable.Write(context.OutputPath(ArtifactPaths.Products), rows);

        var unusable = catalog.Products.Where(p => p.ImageStatus != ImageStatus.Ok).ToArray();
        foreach (var product in unusable)
        {
            // "the photo ... is not an image" reads for every status, where "<status> image" once gave "not an image image".
            context.Log.Warning($"Ingest: the photo of product {product.UniqId} ('{product.ImageFileName}', CSV line {product.LineNumber}) is {StatusName(product.ImageStatus)}");
        }

        context.Log.Info($"Ingest: {rows.Length} products in {catalog.Categories.Count} categories; {unusable.Length} without a usable image");
        context.PublishMetric("dataset.products", rows.Length);
        context.PublishMetric("dataset.categories", catalog.Categories.Count);
        context.PublishMetric("dataset.missing_images", unusable.Length);
    }

    /// <summary>Phrases the status as the report and the log print it, e.g. "missing".</summary>
    public static string StatusName(ImageStatus status) => status switch
    {
        ImageStatus.Ok => "ok",
        ImageStatus.Missing => "missing",
        ImageStatus.Empty => "empty",
        ImageStatus.NotAnImage => "not an image",
        _ => "unreadable",
    };

    private static string FindProductTable(string datasetRoot)
    {
        var candidates = Directory.GetFiles(datasetRoot, "*.csv", SearchOption.AllDirectories);
        return candidates.Length switch
        {
            1 => candidates[0],
            0 => throw new InvalidDataException($"The dataset archive holds no product table (*.csv) under {datasetRoot}; check --dataset points at the study's archive."),
            _ => throw new InvalidDataException($"The dataset archive holds {candidates.Length} CSV files ({string.Join(", ", candidates.Select(Path.GetFileName))}); expected exactly one product table."),
        };
    }
}
