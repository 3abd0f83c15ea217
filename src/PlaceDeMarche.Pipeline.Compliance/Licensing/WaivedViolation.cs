namespace PlaceDeMarche.Pipeline.Compliance.Licensing;

public sealed record WaivedViolation(PolicyViolation Violation, string Reason);
