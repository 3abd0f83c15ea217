namespace PlaceDeMarche.Pipeline.Compliance.Secrets;

/// <summary>A likely secret: where (row/file, field/line, offset), what it looks like, and a masked form.</summary>
public sealed record SecretFinding(string Location, string Field, SecretKind Kind, string Masked, int Offset);
