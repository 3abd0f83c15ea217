using Microsoft.ML.OnnxRuntime.Tensors;
using PlaceDeMarche.Pipeline.TestSupport.Onnx;

namespace PlaceDeMarche.Pipeline.Text.Tests.Transformers;

/// <summary>
/// BERT-shaped ONNX graphs small enough to check by hand: the "transformer" is an embedding lookup, so the state of a
/// token is its row of <see cref="Table"/> (times a scale), and pooled vectors are plain means of those rows.
/// </summary>
internal static class TinyBertModels
{
    public static readonly string[] Vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "red", "shirt", "blue", "watch"];

    /// <summary>Row t = state of token t. [PAD] is far from everything, so a mean that counted padding would show it.</summary>
    public static readonly float[] Table =
    [
        100, -100, // [PAD]
        0, 0,      // [UNK]
        1, 0,      // [CLS]
        0, 1,      // [SEP]
        2, 4,      // red
        4, 2,      // shirt
        6, 0,      // blue
        0, 6,      // watch
    ];

    /// <summary>input_ids, attention_mask (and token_type_ids) -> last_hidden_state [batch, sequence, 2].</summary>
    public static byte[] HiddenStates(float scale = 1f, bool withTokenTypes = false)
    {
        var builder = new OnnxGraphBuilder("tiny_bert")
            .AddInput("input_ids", TensorElementType.Int64, "batch", "sequence")
            .AddInput("attention_mask", TensorElementType.Int64, "batch", "sequence");
        if (withTokenTypes)
        {
            builder.AddInput("token_type_ids", TensorElementType.Int64, "batch", "sequence");
        }

        return builder
            .AddInitializer("table", Table.Select(v => v * scale).ToArray(), Vocabulary.Length, 2)
            .AddNode("Gather", ["table", "input_ids"], ["last_hidden_state"], OnnxAttribute.Int("axis", 0))
            .AddOutput("last_hidden_state", TensorElementType.Float, "batch", "sequence", 2)
            .ToBytes();
    }

    /// <summary>input_ids -> sentence_embedding [batch, 2], the unmasked mean over the sequence (padding included).</summary>
    public static byte[] SentenceOutput() => new OnnxGraphBuilder("tiny_sentence")
        .AddInput("input_ids", TensorElementType.Int64, "batch", "sequence")
        .AddInitializer("table", Table, Vocabulary.Length, 2)
        .AddNode("Gather", ["table", "input_ids"], ["states"], OnnxAttribute.Int("axis", 0))
        .AddNode("ReduceMean", ["states"], ["sentence_embedding"], OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 0))
        .AddOutput("sentence_embedding", TensorElementType.Float, "batch", 2)
        .ToBytes();
}
