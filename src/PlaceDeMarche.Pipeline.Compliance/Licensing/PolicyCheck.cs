namespace PlaceDeMarche.Pipeline.Compliance.Licensing;

/// <summary>
/// Checks a <see cref="LicenceManifest"/> against what the project does (<see cref="PolicyOptions"/>). Violations:
/// an unknown licence; a licence nobody reviewed; copyleft code when the program is distributed; material that may not be
/// redistributed when artifacts embedding it leave the team. A violation passes only when waived with a reason,
/// except copyleft: the project is published under MIT, and no waiver makes copyleft code compatible with that.
/// </summary>
public sealed class PolicyCheck(PolicyOptions options)
{
    public PolicyResult Evaluate(LicenceManifest manifest, IEnumerable<PolicyWaiver>? waivers = null)
    {
        var reasons = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var waiver in waivers ?? [])
        {
            if (string.IsNullOrWhiteSpace(waiver.Reason))
            {
                throw new ArgumentException(
                    $"The waiver for '{waiver.Component}' has no reason; say why the violation is acceptable.", nameof(waivers));
            }

            reasons[waiver.Component] = waiver.Reason;
        }

        var open = new List<PolicyViolation>();
        var waived = new List<WaivedViolation>();
        foreach (var entry in manifest.Entries)
        {
            bool waivable = !(options.DistributesProgram && entry.Restrictions.HasFlag(LicenceRestrictions.Copyleft));
            foreach (var violation in Violations(entry))
            {
                if (waivable && reasons.TryGetValue(violation.Component, out var reason))
                {
                    waived.Add(new WaivedViolation(violation, reason));
                }
                else
                {
                    open.Add(violation);
                }
            }
        }

        return new PolicyResult(open, waived);
    }

    private IEnumerable<PolicyViolation> Violations(LicenceEntry entry)
    {
        if (entry.Licence == "unknown")
        {
            yield return new PolicyViolation(entry.Component, entry.Licence, $"licence unknown ({entry.Source}); find it before use");
            yield break;
        }

        if (!options.ReviewedLicences.Contains(entry.Licence))
        {
            yield return new PolicyViolation(entry.Component, entry.Licence,
                "licence not reviewed; read it and add it to the reviewed licences, or replace the component");
        }

        if (options.DistributesProgram && entry.Restrictions.HasFlag(LicenceRestrictions.Copyleft))
        {
            yield return new PolicyViolation(entry.Component, entry.Licence,
                "copyleft, and the program is distributed under MIT: replace the component (no waiver applies)");
        }

        if (options.RedistributesSourceMaterial && entry.Restrictions.HasFlag(LicenceRestrictions.NoRedistribution))
        {
            yield return new PolicyViolation(entry.Component, entry.Licence,
                "may not be redistributed, and artifacts embedding it leave the team: remove it from those artifacts");
        }
    }
}
