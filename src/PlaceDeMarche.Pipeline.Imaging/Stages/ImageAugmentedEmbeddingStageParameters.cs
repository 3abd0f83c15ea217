using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.Onnx.Models;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>
/// What an ImageAugmented stage reads: the seed the variants are drawn from, the augmentation settings, its model's
/// section and catalog files (as the ImageCnn stage of that model) and the ONNX settings.
/// </summary>
public sealed record ImageAugmentedEmbeddingStageParameters(
    int Seed, ImageAugmentationParameters Augmentation, ImageCnnParameters Model, IReadOnlyDictionary<string, List<ModelFileSource>> ModelFiles, OnnxSettings Onnx);
