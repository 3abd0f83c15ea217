using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>Reads and writes <c>collected.parquet</c> (one row per kept product, in the API's order).</summary>
public static class CollectedProductTable
{
    /// <summary>The columns this table stores: the data-minimisation check compares a written file against them.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } =
    [
        "food_id", "label", "category", "food_contents_label", "image", "source", "licence",
        "image_path", "thumbnail_path", "thumbnail_width", "thumbnail_height",
    ];

    public static void Write(string path, IReadOnlyList<CollectedProductRow> rows) => ParquetArtifact.Write(path,
    [
        new StringColumn("food_id", rows.Select(r => r.FoodId).ToArray()),
        new StringColumn("label", rows.Select(r => r.Label).ToArray()),
        new StringColumn("category", rows.Select(r => r.Category).ToArray()),
        new StringColumn("food_contents_label", rows.Select(r => r.FoodContentsLabel).ToArray()),
        new StringColumn("image", rows.Select(r => r.Image).ToArray(), isNullable: true),
        new StringColumn("source", rows.Select(r => r.Source).ToArray()),
        new StringColumn("licence", rows.Select(r => r.Licence).ToArray()),
        new StringColumn("image_path", rows.Select(r => r.ImagePath).ToArray(), isNullable: true),
        new StringColumn("thumbnail_path", rows.Select(r => r.ThumbnailPath).ToArray(), isNullable: true),
        new PrimitiveColumn<int>("thumbnail_width", rows.Select(r => r.ThumbnailWidth).ToArray()),
        new PrimitiveColumn<int>("thumbnail_height", rows.Select(r => r.ThumbnailHeight).ToArray()),
    ]);

    public static IReadOnlyList<CollectedProductRow> Read(string path)
    {
        var table = ParquetArtifact.Read(path);
        var ids = table.GetStrings("food_id");
        var labels = table.GetStrings("label");
        var categories = table.GetStrings("category");
        var contents = table.GetStrings("food_contents_label");
        var images = table.GetStrings("image");
        var sources = table.GetStrings("source");
        var licences = table.GetStrings("licence");
        var imagePaths = table.GetStrings("image_path");
        var thumbnails = table.GetStrings("thumbnail_path");
        var widths = table.GetInt32s("thumbnail_width");
        var heights = table.GetInt32s("thumbnail_height");
        return Enumerable.Range(0, ids.Length)
            .Select(i => new CollectedProductRow(ids[i]!, labels[i]!, categories[i]!, contents[i]!, images[i], sources[i]!,
                licences[i]!, imagePaths[i], thumbnails[i], widths[i], heights[i]))
            .ToArray();
    }
}
