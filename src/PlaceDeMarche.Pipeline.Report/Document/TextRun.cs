namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>A stretch of text with a single emphasis. A '\n' inside the text forces a line break.</summary>
public sealed record TextRun(string Text, TextEmphasis Emphasis = TextEmphasis.None);
