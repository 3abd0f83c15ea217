namespace PlaceDeMarche.Pipeline.Text.Cleaning;

/// <summary>The result of cleaning one document.</summary>
public sealed class CleanedDocument(string[] tokens)
{
    private string? text;

    /// <summary>A document with no tokens.</summary>
    public static CleanedDocument Empty { get; } = new([]);

    /// <summary>The kept tokens, in document order.</summary>
    public string[] Tokens { get; } = tokens;

    /// <summary>The cleaned text: the tokens joined by single spaces (built on first use).</summary>
    public string Text => text ??= string.Join(' ', Tokens);
}
