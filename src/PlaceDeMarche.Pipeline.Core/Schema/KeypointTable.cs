using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>Local keypoints of one product's preprocessed photo (pixel coordinates, blur scale σ, angle in degrees).</summary>
public sealed record KeypointTable(string ProductId, float[] X, float[] Y, float[] Scale, float[] Angle)
{
    public void Write(string path) => ParquetArtifact.Write(path,
    [
        new StringColumn("id", X.Select(_ => ProductId).ToArray()),
        new PrimitiveColumn<float>("x", X),
        new PrimitiveColumn<float>("y", Y),
        new PrimitiveColumn<float>("scale", Scale),
        new PrimitiveColumn<float>("angle", Angle),
    ]);

    public static KeypointTable Read(string path)
    {
        var table = ParquetArtifact.Read(path);
        var ids = table.GetStrings("id");
        return new KeypointTable(ids.Length > 0 ? ids[0]! : string.Empty, table.GetFloats("x"), table.GetFloats("y"), table.GetFloats("scale"), table.GetFloats("angle"));
    }
}
