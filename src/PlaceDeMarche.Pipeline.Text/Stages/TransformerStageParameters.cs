using PlaceDeMarche.Pipeline.Onnx;

namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>What the transformer stage reads from pipeline.yaml: its own section and how ONNX models are run.</summary>
/// <param name="Transformer">The <c>text.transformer</c> section.</param>
/// <param name="Onnx">The <c>onnx</c> section (execution provider, threads).</param>
public sealed record TransformerStageParameters(TransformerParameters Transformer, OnnxSettings Onnx);
