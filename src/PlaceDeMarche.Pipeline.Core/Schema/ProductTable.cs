using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>Reads and writes <c>products.parquet</c> (one row per product, CSV order).</summary>
public static class ProductTable
{
    public static void Write(string path, IReadOnlyList<ProductRow> rows) => ParquetArtifact.Write(path,
    [
        new StringColumn("id", rows.Select(r => r.Id).ToArray()),
        new StringColumn("name", rows.Select(r => r.Name).ToArray()),
        new StringColumn("description", rows.Select(r => r.Description).ToArray()),
        new StringColumn("category", rows.Select(r => r.Category).ToArray()),
        new StringColumn("category_path", rows.Select(r => r.CategoryPath).ToArray()),
        new StringColumn("image_path", rows.Select(r => r.ImagePath).ToArray(), isNullable: true),
        new StringColumn("image_status", rows.Select(r => r.ImageStatus).ToArray()),
    ]);

    public static IReadOnlyList<ProductRow> Read(string path)
    {
        var table = ParquetArtifact.Read(path);
        var ids = table.GetStrings("id");
        var names = table.GetStrings("name");
        var descriptions = table.GetStrings("description");
        var categories = table.GetStrings("category");
        var paths = table.GetStrings("category_path");
        var images = table.GetStrings("image_path");
        var statuses = table.GetStrings("image_status");
        return Enumerable.Range(0, ids.Length)
            .Select(i => new ProductRow(ids[i]!, names[i]!, descriptions[i]!, categories[i]!, paths[i]!, images[i], statuses[i]!))
            .ToArray();
    }
}
