namespace PlaceDeMarche.Pipeline.Compliance.Licensing;

/// <summary>Outcome of <see cref="PolicyCheck"/>: open violations fail it; waived ones are listed with their reason.</summary>
public sealed record PolicyResult(IReadOnlyList<PolicyViolation> Violations, IReadOnlyList<WaivedViolation> Waived)
{
    public bool Passed => Violations.Count == 0;

    public void EnsurePassed()
    {
        if (!Passed)
        {
            throw new PolicyViolationException(
                $"Licence policy check failed ({Violations.Count} violation(s)); fix each one or waive it with a reason:"
                + string.Concat(Violations.Select(violation => Environment.NewLine + "  - " + violation)));
        }
    }
}
