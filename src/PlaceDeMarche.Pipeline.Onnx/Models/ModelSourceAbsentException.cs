namespace PlaceDeMarche.Pipeline.Onnx.Models;

/// <summary>A candidate source of a model file is not there (file, assembly, package or network): the next one is tried.</summary>
internal sealed class ModelSourceAbsentException(string message) : Exception(message);
