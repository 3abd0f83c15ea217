using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.Text.Embeddings;

namespace PlaceDeMarche.Pipeline.Text.Transformers;

/// <summary>
/// Sentence embeddings from a BERT-style model exported to ONNX (BERT, MiniLM, ...): texts are WordPiece-encoded,
/// run through the model in batches, and the token states are pooled (mean over the attention mask, or the [CLS] state). The model's
/// inputs are found from its metadata: <c>input_ids</c> and, when declared, <c>attention_mask</c> and
/// <c>token_type_ids</c>, all int64. Its output is the first one of rank 3 ([batch, sequence, dimensions], pooled),
/// else the first one of rank 2 ([batch, dimensions], a sentence output used as is).
/// </summary>
public sealed class TransformerSentenceEncoder
{
    public const string InputIdsName = "input_ids";
    public const string AttentionMaskName = "attention_mask";
    public const string TokenTypeIdsName = "token_type_ids";

    private readonly OnnxModel model;
    private readonly WordPieceTokenizer tokenizer;
    private readonly string[] inputNames;
    private readonly string outputName;
    private readonly TransformerPooling pooling;

    /// <param name="model">The loaded model; the caller keeps ownership.</param>
    /// <param name="tokenizer">The tokenizer of the model's vocabulary.</param>
    /// <param name="pooling">How a [batch, sequence, dimensions] output becomes one vector per text.</param>
    /// <exception cref="InvalidDataException">The model's inputs or outputs are not those of a BERT-style encoder; the message lists them.</exception>
    public TransformerSentenceEncoder(OnnxModel model, WordPieceTokenizer tokenizer, TransformerPooling pooling = TransformerPooling.Mean)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokenizer);
        this.model = model;
        this.tokenizer = tokenizer;
        this.pooling = pooling;
        var known = new[] { InputIdsName, AttentionMaskName, TokenTypeIdsName };
        if (!model.Inputs.ContainsKey(InputIdsName) || model.Inputs.Any(i => !known.Contains(i.Key) || i.Value.ElementDataType != TensorElementType.Int64))
        {
            throw new InvalidDataException(
                $"The inputs of model '{model.Name}' are {model.DescribeInputs()}; a BERT-style encoder takes int64 {InputIdsName} and optionally " +
                $"{AttentionMaskName} and {TokenTypeIdsName}. Export the model with those inputs (e.g. optimum's feature-extraction export).");
        }

        inputNames = model.Inputs.Keys.ToArray();
        outputName = model.Outputs.FirstOrDefault(o => o.Value.Dimensions.Length == 3).Key
            ?? model.Outputs.FirstOrDefault(o => o.Value.Dimensions.Length == 2).Key
            ?? throw new InvalidDataException(
                $"The outputs of model '{model.Name}' are {model.DescribeOutputs()}; none is a [batch, sequence, dimensions] hidden state or a [batch, dimensions] sentence vector.");
    }

    /// <summary>Name of the model output that is pooled or used as is.</summary>
    public string OutputName => outputName;

    /// <summary>
    /// One vector per text, computed <paramref name="batchSize"/> texts at a time (batches run in parallel; each
    /// text's vector depends only on its batch, so the result does not depend on the threads).
    /// </summary>
    /// <param name="maxTokens">Token limit per text, [CLS] and [SEP] included; longer texts keep their beginning.</param>
    /// <param name="normalize">Scale every vector to unit length (cosine geometry, as sentence-transformers' Normalize).</param>
    /// <param name="truncatedCount">How many texts were cut to <paramref name="maxTokens"/>.</param>
    public float[][] Encode(IReadOnlyList<string> texts, int batchSize, int maxTokens, bool normalize, out int truncatedCount)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var vectors = new float[texts.Count][];
        var batches = (texts.Count + batchSize - 1) / batchSize;
        var truncated = new int[batches];
        Parallel.For(0, batches, b =>
        {
            var first = b * batchSize;
            var count = Math.Min(batchSize, texts.Count - first);
            var batch = tokenizer.EncodeBatch(Enumerable.Range(first, count).Select(i => texts[i]).ToArray(), maxTokens);
            truncated[b] = batch.TruncatedCount;
            var rows = EncodeBatch(batch);
            for (var i = 0; i < count; i++)
            {
                if (normalize)
                {
                    EmbeddingKernels.Normalize(rows[i]);
                }

                vectors[first + i] = rows[i];
            }
        });
        truncatedCount = truncated.Sum();
        return vectors;
    }

    private float[][] EncodeBatch(TokenBatch batch)
    {
        long[] shape = [batch.Count, batch.Length];
        var tensors = inputNames.Select(name => OrtValue.CreateTensorValueFromMemory(
            name switch
            {
                InputIdsName => batch.InputIds,
                AttentionMaskName => batch.AttentionMask,
                _ => batch.TokenTypeIds,
            },
            shape)).ToArray();
        try
        {
            using var outputs = model.Run(inputNames, tensors, [outputName]);
            var output = outputs[0];
            var outputShape = output.GetTensorTypeAndShape().Shape;
            var states = output.GetTensorDataAsSpan<float>();
            switch (outputShape.Length)
            {
                case 3 when outputShape[0] == batch.Count && outputShape[1] == batch.Length:
                    var dimensions = (int)outputShape[2];
                    if (pooling == TransformerPooling.Cls)
                    {
                        return Rows(states, batch.Count, dimensions, stride: batch.Length * dimensions);
                    }

                    var pooled = new float[batch.Count * dimensions];
                    MeanPooling.Pool(states, batch.AttentionMask, batch.Count, batch.Length, dimensions, pooled);
                    return Rows(pooled, batch.Count, dimensions, dimensions);
                case 2 when outputShape[0] == batch.Count:
                    return Rows(states, batch.Count, (int)outputShape[1], (int)outputShape[1]);
                default:
                    throw new InvalidDataException(
                        $"Output '{outputName}' of model '{model.Name}' has shape [{string.Join(", ", outputShape)}] for a batch of {batch.Count} texts of {batch.Length} tokens; " +
                        $"expected [{batch.Count}, {batch.Length}, dimensions] or [{batch.Count}, dimensions].");
            }
        }
        finally
        {
            foreach (var tensor in tensors)
            {
                tensor.Dispose();
            }
        }
    }

    /// <summary>The first <paramref name="dimensions"/> values every <paramref name="stride"/> values (a row's [CLS] state when the stride is a whole sequence).</summary>
    private static float[][] Rows(ReadOnlySpan<float> values, int count, int dimensions, int stride)
    {
        var rows = new float[count][];
        for (var i = 0; i < count; i++)
        {
            rows[i] = values.Slice(i * stride, dimensions).ToArray();
        }

        return rows;
    }
}
