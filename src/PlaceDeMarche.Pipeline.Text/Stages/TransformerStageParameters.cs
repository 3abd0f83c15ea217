using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.Onnx.Models;

namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>What one transformer stage reads from pipeline.yaml.</summary>
/// <param name="Transformer">The <c>text.transformer.&lt;model&gt;</c> section: how to run the model.</param>
/// <param name="Model">The model's <c>models.&lt;model&gt;</c> catalog entry: its files (with their SHA-256) and licence.</param>
/// <param name="Onnx">The <c>onnx</c> section (execution provider, threads).</param>
public sealed record TransformerStageParameters(TransformerParameters Transformer, ModelCatalogEntry Model, OnnxSettings Onnx);
