using PlaceDeMarche.Pipeline.Onnx;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>What an ImageCnn stage reads from pipeline.yaml: its model's section and how ONNX models are run.</summary>
/// <param name="Model">The <c>images.cnn.&lt;model&gt;</c> section.</param>
/// <param name="Onnx">The <c>onnx</c> section (execution provider, threads).</param>
public sealed record ImageCnnStageParameters(ImageCnnParameters Model, OnnxSettings Onnx);
