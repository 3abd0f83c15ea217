namespace PlaceDeMarche.Pipeline.Compliance.Pii;

/// <summary>One piece of personal data found: where (row, field, character offset), what kind, and a masked example.</summary>
public sealed record PiiFinding(string RowId, string Field, PiiKind Kind, string MaskedExample, int Offset);
