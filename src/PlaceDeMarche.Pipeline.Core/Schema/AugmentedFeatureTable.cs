using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>
/// Embeddings of augmented copies of the photos: one row per (product, copy index), with the variant's key (the exact
/// transform applied) and the product's category. Only training rows may use them; the originals stay in their
/// <see cref="FeatureTable"/>.
/// </summary>
public sealed record AugmentedFeatureTable(string[] Ids, int[] Copies, string[] Categories, string[] Augmentations, float[][] Vectors)
{
    public void Write(string path) => ParquetArtifact.Write(path,
    [
        new StringColumn("id", Ids),
        new PrimitiveColumn<int>("copy", Copies),
        new StringColumn("category", Categories),
        new StringColumn("augmentation", Augmentations),
        new FloatVectorColumn("features", Vectors),
    ]);

    public static AugmentedFeatureTable Read(string path)
    {
        var table = ParquetArtifact.Read(path);
        return new AugmentedFeatureTable(
            table.GetStrings("id").Select(s => s!).ToArray(),
            table.GetInt32s("copy").ToArray(),
            table.GetStrings("category").Select(s => s!).ToArray(),
            table.GetStrings("augmentation").Select(s => s!).ToArray(),
            table.GetFloatVectors("features").Select(v => v!).ToArray());
    }
}
