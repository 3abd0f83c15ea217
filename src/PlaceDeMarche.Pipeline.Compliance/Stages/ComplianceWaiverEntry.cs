namespace PlaceDeMarche.Pipeline.Compliance.Stages;

/// <summary>One entry of <c>compliance.waivers</c>: the component as the manifest names it, and why its violation is accepted.</summary>
public sealed class ComplianceWaiverEntry
{
    public required string Component { get; set; }

    public required string Reason { get; set; }
}
