using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>
/// A representation of the products as dense vectors (one row per product: id, category, features), the common
/// input of the scoring protocol whatever produced it (TF-IDF, embeddings, image descriptors).
/// </summary>
public sealed record FeatureTable(string[] Ids, string[] Categories, float[][] Vectors)
{
    public void Write(string path) => ParquetArtifact.Write(path,
    [
        new StringColumn("id", Ids),
        new StringColumn("category", Categories),
        new FloatVectorColumn("features", Vectors),
    ]);

    /// <summary>The distinct categories in ordinal order, and each row's index into them (the labels to score against).</summary>
    public (string[] Names, int[] Indices) CategoryCodes()
    {
        var names = Categories.Distinct().Order(StringComparer.Ordinal).ToArray();
        return (names, Categories.Select(c => Array.BinarySearch(names, c, StringComparer.Ordinal)).ToArray());
    }

    public static FeatureTable Read(string path)
    {
        var table = ParquetArtifact.Read(path);
        return new FeatureTable(
            table.GetStrings("id").Select(s => s!).ToArray(),
            table.GetStrings("category").Select(s => s!).ToArray(),
            table.GetFloatVectors("features").Select(v => v!).ToArray());
    }
}
