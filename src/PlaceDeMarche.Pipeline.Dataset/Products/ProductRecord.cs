namespace PlaceDeMarche.Pipeline.Dataset.Products;

/// <summary>One product of the Flipkart sample, with its derived category and the state of its image.</summary>
public sealed record ProductRecord
{
    /// <summary>Unique product id (<c>uniq_id</c>), never empty.</summary>
    public required string UniqId { get; init; }

    /// <summary>Product title (<c>product_name</c>).</summary>
    public required string ProductName { get; init; }

    /// <summary>Free-text description (<c>description</c>), possibly multi-line.</summary>
    public required string Description { get; init; }

    /// <summary>Brand (<c>brand</c>), empty when unknown.</summary>
    public required string Brand { get; init; }

    /// <summary>Raw <c>product_category_tree</c> value.</summary>
    public required string CategoryTree { get; init; }

    /// <summary>Levels of the category tree, root first.</summary>
    public required IReadOnlyList<string> CategoryPath { get; init; }

    /// <summary>First level of the category tree: the label to predict.</summary>
    public string Category => CategoryPath[0];

    /// <summary>Image file name from the <c>image</c> column; empty when the CSV gives none.</summary>
    public required string ImageFileName { get; init; }

    /// <summary>Absolute path of the image, or null when the CSV gives no file name.</summary>
    public required string? ImagePath { get; init; }

    /// <summary>What was found at <see cref="ImagePath"/>.</summary>
    public required ImageStatus ImageStatus { get; init; }

    /// <summary>1-based data record number in the CSV.</summary>
    public required long RecordNumber { get; init; }

    /// <summary>1-based physical line where the record starts in the CSV.</summary>
    public required long LineNumber { get; init; }
}
