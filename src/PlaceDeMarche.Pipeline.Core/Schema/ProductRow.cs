namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>One product of <c>products.parquet</c>: what the later stages need of the CSV, plus the photo check.</summary>
/// <param name="ImagePath">Workspace-relative path of the photo, or null when the CSV names none.</param>
/// <param name="ImageStatus">"ok", "missing", "empty", "not an image" or "unreadable".</param>
public sealed record ProductRow(
    string Id,
    string Name,
    string Description,
    string Category,
    string CategoryPath,
    string? ImagePath,
    string ImageStatus);
