using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>The strongest terms of each topic: one row per (topic, rank), rank 0 strongest.</summary>
public sealed record TopicTermTable(int[] Topics, int[] Ranks, string[] Terms, float[] Weights)
{
    public void Write(string path) => ParquetArtifact.Write(path,
    [
        new PrimitiveColumn<int>("topic", Topics),
        new PrimitiveColumn<int>("rank", Ranks),
        new StringColumn("term", Terms),
        new PrimitiveColumn<float>("weight", Weights),
    ]);

    public static TopicTermTable Read(string path)
    {
        var table = ParquetArtifact.Read(path);
        return new TopicTermTable(
            table.GetInt32s("topic"),
            table.GetInt32s("rank"),
            table.GetStrings("term").Select(s => s!).ToArray(),
            table.GetFloats("weight"));
    }
}
