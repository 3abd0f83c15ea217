namespace PlaceDeMarche.Pipeline.Collection.Products;

/// <summary>One product as the brief asks for it, whatever API it came from.</summary>
/// <param name="FoodId">Source identifier (Open Food Facts barcode, Edamam foodId).</param>
/// <param name="Label">Product name; empty when the source has none.</param>
/// <param name="Category">Category text (Open Food Facts tags joined with ", ", Edamam category).</param>
/// <param name="FoodContentsLabel">Ingredients text; empty when unknown.</param>
/// <param name="Image">Image URL, or null when the source has none.</param>
/// <param name="Source">Name of the source that returned it.</param>
public sealed record CollectedProduct(
    string FoodId, string Label, string Category, string FoodContentsLabel, Uri? Image, string Source);
