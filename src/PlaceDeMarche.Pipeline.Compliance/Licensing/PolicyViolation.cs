namespace PlaceDeMarche.Pipeline.Compliance.Licensing;

/// <summary>A component whose terms conflict with what the project does, and what to do about it.</summary>
public sealed record PolicyViolation(string Component, string Licence, string Problem)
{
    public override string ToString() => $"{Component} ({Licence}): {Problem}";
}
