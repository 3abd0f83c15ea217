using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.Onnx.Models;

namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>What one transformer stage reads from pipeline.yaml.</summary>
/// <param name="Transformer">The <c>text.transformer.&lt;model&gt;</c> section: how to run the model.</param>
/// <param name="ModelFiles">The files of the model's <c>models.&lt;model&gt;</c> catalog entry, with their SHA-256 (its licence and
/// origin are left out: editing them must not recompute the embeddings).</param>
/// <param name="Onnx">The <c>onnx</c> section (execution provider, threads).</param>
public sealed record TransformerStageParameters(TransformerParameters Transformer, IReadOnlyDictionary<string, List<ModelFileSource>> ModelFiles, OnnxSettings Onnx);
