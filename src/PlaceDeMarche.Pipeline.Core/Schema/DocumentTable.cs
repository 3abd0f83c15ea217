using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>Cleaned text per product: <c>tokens</c> holds the tokens separated by single spaces.</summary>
public sealed record DocumentTable(string[] Ids, string[] Categories, string[] Tokens)
{
    public void Write(string path) => ParquetArtifact.Write(path,
    [
        new StringColumn("id", Ids),
        new StringColumn("category", Categories),
        new StringColumn("tokens", Tokens),
        new PrimitiveColumn<int>("token_count", Tokens.Select(t => t.Length == 0 ? 0 : t.Count(c => c == ' ') + 1).ToArray()),
    ]);

    public static DocumentTable Read(string path)
    {
        var table = ParquetArtifact.Read(path);
        return new DocumentTable(
            table.GetStrings("id").Select(s => s!).ToArray(),
            table.GetStrings("category").Select(s => s!).ToArray(),
            table.GetStrings("tokens").Select(s => s!).ToArray());
    }

    /// <summary>Each document's tokens as an array.</summary>
    public string[][] TokenArrays() => Tokens.Select(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
}
