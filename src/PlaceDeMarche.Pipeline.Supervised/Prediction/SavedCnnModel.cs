using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.Onnx.Models;

namespace PlaceDeMarche.Pipeline.Supervised.Prediction;

/// <summary>A pretrained CNN as a saved model needs it to embed a new photo: its <c>images.cnn</c> section and its <c>models</c> catalog files (sources and SHA-256).</summary>
public sealed record SavedCnnModel(ImageCnnParameters Recipe, Dictionary<string, List<ModelFileSource>> Files);
