namespace PlaceDeMarche.Pipeline.Onnx.Models;

/// <summary>A model file found on this machine with its checked SHA-256, and the catalog source it came from.</summary>
public sealed record ResolvedModelFile(string Path, string Sha256, string Source);
