namespace PlaceDeMarche.Pipeline.Compliance.Licensing;

public sealed class PolicyViolationException(string message) : Exception(message);
