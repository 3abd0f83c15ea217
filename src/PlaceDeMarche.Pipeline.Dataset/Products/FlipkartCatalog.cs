using PlaceDeMarche.Pipeline.Dataset.Csv;

namespace PlaceDeMarche.Pipeline.Dataset.Products;

/// <summary>The products of the Flipkart sample CSV, each with its category and image status. Malformed rows,
/// empty or unparseable category trees and duplicate ids are errors; image problems are reported per product.</summary>
public sealed class FlipkartCatalog
{
    /// <summary>Location of the CSV inside the extracted dataset archive.</summary>
    public const string CsvRelativePath = "Flipkart/flipkart_com-ecommerce_sample_1050.csv";

    /// <summary>Location of the image folder inside the extracted dataset archive.</summary>
    public const string ImagesRelativePath = "Flipkart/Images";

    private FlipkartCatalog(string sourceName, IReadOnlyList<ProductRecord> products)
    {
        SourceName = sourceName;
        Products = products;
        Categories = products.Select(product => product.Category).Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The CSV the catalog was read from.</summary>
    public string SourceName { get; }

    /// <summary>Products in CSV order.</summary>
    public IReadOnlyList<ProductRecord> Products { get; }

    /// <summary>Distinct categories, in ordinal order.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Reads the catalog of an extracted dataset archive (<see cref="CsvRelativePath"/> and
    /// <see cref="ImagesRelativePath"/> below <paramref name="datasetRoot"/>).</summary>
    public static FlipkartCatalog LoadExtracted(string datasetRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetRoot);
        return Load(Path.Combine(datasetRoot, CsvRelativePath), Path.Combine(datasetRoot, ImagesRelativePath));
    }

    /// <summary>Reads the CSV at <paramref name="csvPath"/> and checks each image in <paramref name="imagesDirectory"/>.</summary>
    /// <exception cref="FileNotFoundException">The CSV does not exist.</exception>
    /// <exception cref="CsvFormatException">The CSV is malformed, misses a column, or holds an invalid row.</exception>
    public static FlipkartCatalog Load(string csvPath, string imagesDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(csvPath);
        if (!File.Exists(csvPath))
        {
            throw new FileNotFoundException($"Product CSV not found: {Path.GetFullPath(csvPath)}.", csvPath);
        }

        using var csv = CsvReader.Open(csvPath);
        return Read(csv, imagesDirectory);
    }

    /// <summary>Reads products from <paramref name="csv"/> (positioned after its header) and checks each image in
    /// <paramref name="imagesDirectory"/>.</summary>
    /// <exception cref="CsvFormatException">The CSV is malformed, misses a column, or holds an invalid row.</exception>
    public static FlipkartCatalog Read(CsvReader csv, string imagesDirectory)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentException.ThrowIfNullOrWhiteSpace(imagesDirectory);
        imagesDirectory = Path.GetFullPath(imagesDirectory);

        var uniqIdColumn = csv.GetColumnIndex("uniq_id");
        var nameColumn = csv.GetColumnIndex("product_name");
        var descriptionColumn = csv.GetColumnIndex("description");
        var brandColumn = csv.GetColumnIndex("brand");
        var treeColumn = csv.GetColumnIndex("product_category_tree");
        var imageColumn = csv.GetColumnIndex("image");

        var products = new List<ProductRecord>();
        var firstSeen = new Dictionary<string, (long Record, long Line)>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var uniqId = csv[uniqIdColumn].Trim();
            if (uniqId.Length == 0)
            {
                throw csv.CreateError(uniqIdColumn, "the product id is empty");
            }

            if (!firstSeen.TryAdd(uniqId, (csv.RecordNumber, csv.LineNumber)))
            {
                var (record, line) = firstSeen[uniqId];
                throw csv.CreateError(
                    uniqIdColumn, $"product id '{uniqId}' already appears in record {record} (line {line})");
            }

            var tree = csv[treeColumn];
            IReadOnlyList<string> categoryPath;
            try
            {
                categoryPath = CategoryTree.ParseLevels(tree);
            }
            catch (FormatException ex)
            {
                throw csv.CreateError(treeColumn, ex.Message);
            }

            var imageFileName = csv[imageColumn].Trim();
            if (imageFileName.IndexOfAny(['/', '\\']) >= 0 || imageFileName is "." or "..")
            {
                throw csv.CreateError(
                    imageColumn, $"the image '{imageFileName}' must be a plain file name inside the images folder");
            }

            var imagePath = imageFileName.Length == 0 ? null : Path.Combine(imagesDirectory, imageFileName);
            products.Add(new ProductRecord
            {
                UniqId = uniqId,
                ProductName = csv[nameColumn],
                Description = csv[descriptionColumn],
                Brand = csv[brandColumn],
                CategoryTree = tree,
                CategoryPath = categoryPath,
                ImageFileName = imageFileName,
                ImagePath = imagePath,
                ImageStatus = imagePath is null ? ImageStatus.Missing : ProductImageInspector.Inspect(imagePath),
                RecordNumber = csv.RecordNumber,
                LineNumber = csv.LineNumber,
            });
        }

        return new FlipkartCatalog(csv.SourceName, products);
    }
}
