namespace PlaceDeMarche.Pipeline.Compliance.Licensing;

/// <summary>An accepted violation: the component and why it is acceptable (who decided, on what ground).</summary>
public sealed record PolicyWaiver(string Component, string Reason);
