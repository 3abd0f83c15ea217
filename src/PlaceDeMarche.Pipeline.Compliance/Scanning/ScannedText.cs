namespace PlaceDeMarche.Pipeline.Compliance.Scanning;

/// <summary>A piece of free text to scan and where it comes from (row id and field, or file and line).</summary>
public sealed record ScannedText(string RowId, string Field, string Text);
