namespace PlaceDeMarche.Pipeline.Compliance.Pii;

/// <summary>All findings of a scan and how many of each kind (every kind listed, zero included).</summary>
public sealed record PiiReport(IReadOnlyList<PiiFinding> Findings, IReadOnlyDictionary<PiiKind, int> CountsByKind)
{
    public bool IsClean => Findings.Count == 0;
}
