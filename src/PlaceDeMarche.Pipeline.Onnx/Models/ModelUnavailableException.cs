namespace PlaceDeMarche.Pipeline.Onnx.Models;

/// <summary>
/// No candidate source of a model file is available on this machine (file absent, package not restored, offline).
/// Unlike a file with the wrong hash, this is a fact about the machine: a study may go on without an optional model.
/// </summary>
public sealed class ModelUnavailableException(string message) : Exception(message);
