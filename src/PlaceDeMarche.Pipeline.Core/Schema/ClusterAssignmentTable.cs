using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>The scoring protocol's per-product output: 2-D t-SNE position, KMeans cluster, true category.</summary>
public sealed record ClusterAssignmentTable(string[] Ids, string[] Categories, int[] Clusters, float[] X, float[] Y)
{
    public void Write(string path) => ParquetArtifact.Write(path,
    [
        new StringColumn("id", Ids),
        new StringColumn("category", Categories),
        new PrimitiveColumn<int>("cluster", Clusters),
        new PrimitiveColumn<float>("tsne_x", X),
        new PrimitiveColumn<float>("tsne_y", Y),
    ]);

    public static ClusterAssignmentTable Read(string path)
    {
        var table = ParquetArtifact.Read(path);
        return new ClusterAssignmentTable(
            table.GetStrings("id").Select(s => s!).ToArray(),
            table.GetStrings("category").Select(s => s!).ToArray(),
            table.GetInt32s("cluster"),
            table.GetFloats("tsne_x"),
            table.GetFloats("tsne_y"));
    }
}
