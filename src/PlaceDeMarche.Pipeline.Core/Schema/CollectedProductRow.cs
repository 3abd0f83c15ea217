namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>One row of <c>collected.parquet</c>: the brief's fields, where the product came from and under which licence.</summary>
/// <param name="Image">Image URL as the API gave it, or null.</param>
/// <param name="ImagePath">Workspace-relative path of the downloaded image, or null when not downloaded.</param>
/// <param name="ThumbnailPath">Workspace-relative path of the thumbnail (raw RGB24), or null.</param>
public sealed record CollectedProductRow(
    string FoodId,
    string Label,
    string Category,
    string FoodContentsLabel,
    string? Image,
    string Source,
    string Licence,
    string? ImagePath,
    string? ThumbnailPath,
    int ThumbnailWidth,
    int ThumbnailHeight);
