using PlaceDeMarche.Pipeline.Onnx;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>What an ImageAugmented stage reads: the seed the variants are drawn from, the augmentation settings, its model's section and the ONNX settings.</summary>
public sealed record ImageAugmentedEmbeddingStageParameters(int Seed, ImageAugmentationParameters Augmentation, ImageCnnParameters Model, OnnxSettings Onnx);
