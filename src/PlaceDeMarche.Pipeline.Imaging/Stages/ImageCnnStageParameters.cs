using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.Onnx.Models;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>What an ImageCnn stage reads from pipeline.yaml: its model's section, its catalog files and how ONNX models are run.</summary>
/// <param name="Model">The <c>images.cnn.&lt;model&gt;</c> section.</param>
/// <param name="ModelFiles">The files of its <c>models.&lt;model&gt;</c> catalog entry: <c>model</c> and, optionally, <c>preprocess</c>.</param>
/// <param name="Onnx">The <c>onnx</c> section (execution provider, threads).</param>
public sealed record ImageCnnStageParameters(ImageCnnParameters Model, IReadOnlyDictionary<string, List<ModelFileSource>> ModelFiles, OnnxSettings Onnx);
