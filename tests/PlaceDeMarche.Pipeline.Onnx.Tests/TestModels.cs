using Microsoft.ML.OnnxRuntime.Tensors;
using PlaceDeMarche.Pipeline.TestSupport.Onnx;

namespace PlaceDeMarche.Pipeline.Onnx.Tests;

/// <summary>Small graphs built in code, with weights simple enough to compute the expected outputs by hand.</summary>
internal static class TestModels
{
    /// <summary>W (3x2), row-major.</summary>
    public static readonly float[] AffineWeights = [1f, -1f, 2f, 0.5f, -1f, 1f];

    /// <summary>b (2).</summary>
    public static readonly float[] AffineBias = [0.5f, -2f];

    /// <summary>Embedding table, 4 tokens x 2 dimensions: row t is the vector of token t.</summary>
    public static readonly float[] EmbeddingTable = [0f, 0f, 1f, 2f, 3f, 4f, 5f, -6f];

    /// <summary>y = Relu(x·W + b), x: [batch, 3] float, y: [batch, 2].</summary>
    public static byte[] AffineRelu() => new OnnxGraphBuilder("affine_relu")
        .AddInput("x", TensorElementType.Float, "batch", 3)
        .AddInitializer("W", AffineWeights, 3, 2)
        .AddInitializer("b", AffineBias, 2)
        .AddNode("MatMul", ["x", "W"], ["xW"])
        .AddNode("Add", ["xW", "b"], ["z"])
        .AddNode("Relu", ["z"], ["y"])
        .AddOutput("y", TensorElementType.Float, "batch", 2)
        .ToBytes();

    /// <summary>
    /// Embedding lookup then mean over the sequence: input_ids [batch, sequence] int64 -> Gather -> [batch, sequence, 2]
    /// -> ReduceMean(axes = [1], keepdims = 0) -> pooled [batch, 2].
    /// </summary>
    public static byte[] EmbeddingMean() => new OnnxGraphBuilder("embedding_mean")
        .AddInput("input_ids", TensorElementType.Int64, "batch", "sequence")
        .AddInitializer("table", EmbeddingTable, 4, 2)
        .AddNode("Gather", ["table", "input_ids"], ["embedded"], OnnxAttribute.Int("axis", 0))
        .AddNode("ReduceMean", ["embedded"], ["pooled"], OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 0))
        .AddOutput("pooled", TensorElementType.Float, "batch", 2)
        .ToBytes();

    /// <summary>
    /// Sentence-transformers style masked mean pooling over BERT-like inputs:
    /// sum(embedding(input_ids) * mask) / sum(mask) over the sequence, with attention_mask int64 [batch, sequence].
    /// </summary>
    public static byte[] MaskedMeanPooling() => new OnnxGraphBuilder("masked_mean_pooling")
        .AddInput("input_ids", TensorElementType.Int64, "batch", "sequence")
        .AddInput("attention_mask", TensorElementType.Int64, "batch", "sequence")
        .AddInitializer("table", EmbeddingTable, 4, 2)
        .AddInitializer("sequence_axis", new long[] { 1 }, 1)
        .AddInitializer("feature_axis", new long[] { 2 }, 1)
        .AddNode("Gather", ["table", "input_ids"], ["embedded"])
        .AddNode("Cast", ["attention_mask"], ["mask"], OnnxAttribute.Int("to", (long)TensorElementType.Float))
        .AddNode("Unsqueeze", ["mask", "feature_axis"], ["mask3"])
        .AddNode("Mul", ["embedded", "mask3"], ["masked"])
        .AddNode("ReduceSum", ["masked", "sequence_axis"], ["summed"], OnnxAttribute.Int("keepdims", 0))
        .AddNode("ReduceSum", ["mask3", "sequence_axis"], ["counts"], OnnxAttribute.Int("keepdims", 0))
        .AddNode("Div", ["summed", "counts"], ["sentence_embedding"])
        .AddOutput("sentence_embedding", TensorElementType.Float, "batch", 2)
        .ToBytes();

    /// <summary>y = Flatten(x, axis 1) * scale / 2 with x [batch, 2, 3], scale [6]; also argmax = ArgMax(y, axis 1) int64.</summary>
    public static byte[] FlattenScaleArgMax() => new OnnxGraphBuilder("flatten_scale")
        .AddInput("x", TensorElementType.Float, "batch", 2, 3)
        .AddInitializer("scale", [1f, 2f, 3f, 4f, 5f, 6f], 6)
        .AddInitializer("two", [2f])
        .AddNode("Flatten", ["x"], ["flat"], OnnxAttribute.Int("axis", 1))
        .AddNode("Mul", ["flat", "scale"], ["scaled"])
        .AddNode("Div", ["scaled", "two"], ["y"])
        .AddNode("ArgMax", ["y"], ["argmax"], OnnxAttribute.Int("axis", 1), OnnxAttribute.Int("keepdims", 0))
        .AddOutput("y", TensorElementType.Float)
        .AddOutput("argmax", TensorElementType.Int64)
        .ToBytes();
}
