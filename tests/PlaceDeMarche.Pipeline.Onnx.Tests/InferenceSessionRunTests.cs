namespace PlaceDeMarche.Pipeline.Onnx.Tests;

// Expected values are computed by hand from TestModels' weights (comments show the arithmetic); every value is
// exactly representable in float32, so most comparisons are exact.
public sealed class InferenceSessionRunTests
{
    // Rows of x and Relu(x·W + b) with W = [[1, -1], [2, 0.5], [-1, 1]], b = [0.5, -2]:
    //   [1, 2, 3]  -> xW = [1 + 4 - 3, -1 + 1 + 3] = [2, 3]  -> +b = [2.5, 1]    -> [2.5, 1]
    //   [-1, 0, 1] -> xW = [-2, 2]                            -> +b = [-1.5, 0]   -> [0, 0]
    //   [3, 1, 0]  -> xW = [3 + 2, -3 + 0.5] = [5, -2.5]      -> +b = [5.5, -4.5] -> [5.5, 0]
    //   [0, 0, 0]  -> xW = [0, 0]                             -> +b = [0.5, -2]   -> [0.5, 0]
    private static readonly float[] AffineInputs = [1f, 2f, 3f, -1f, 0f, 1f, 3f, 1f, 0f, 0f, 0f, 0f];
    private static readonly float[] AffineExpected = [2.5f, 1f, 0f, 0f, 5.5f, 0f, 0.5f, 0f];

    [Fact]
    public void Affine_relu_matches_hand_computed_values()
    {
        using InferenceSession session = InferenceSession.FromBytes(TestModels.AffineRelu());

        IReadOnlyDictionary<string, OnnxTensor> outputs = session.Run(
            new Dictionary<string, OnnxTensor> { ["x"] = OnnxTensor.FromFloats(AffineInputs, 4, 3) });

        OnnxTensor y = Assert.Single(outputs).Value;
        Assert.Equal(new long[] { 4, 2 }, y.Shape);
        Assert.Equal(AffineExpected, y.FloatData);
    }

    [Fact]
    public void Dynamic_batch_dimension_accepts_any_batch_size_on_the_same_session()
    {
        using InferenceSession session = InferenceSession.FromBytes(TestModels.AffineRelu());

        OnnxTensor single = session.Run(["x"], [OnnxTensor.FromFloats(AffineInputs[..3], 1, 3)], ["y"])[0];
        OnnxTensor four = session.Run(["x"], [OnnxTensor.FromFloats(AffineInputs, 4, 3)], ["y"])[0];
        OnnxTensor empty = session.Run(["x"], [OnnxTensor.FromFloats([], 0, 3)], ["y"])[0];

        Assert.Equal(new long[] { 1, 2 }, single.Shape);
        Assert.Equal(new[] { 2.5f, 1f }, single.FloatData);
        Assert.Equal(new long[] { 4, 2 }, four.Shape);
        Assert.Equal(AffineExpected, four.FloatData);
        Assert.Equal(new long[] { 0, 2 }, empty.Shape);
        Assert.Empty(empty.FloatData);
    }

    [Fact]
    public void Int64_ids_through_gather_and_reduce_mean_give_mean_pooled_embeddings()
    {
        using InferenceSession session = InferenceSession.FromBytes(TestModels.EmbeddingMean());

        // Table rows: 0 -> [0, 0], 1 -> [1, 2], 2 -> [3, 4], 3 -> [5, -6].
        //   ids [1, 2, 3] -> mean([1, 2], [3, 4], [5, -6]) = [9 / 3, 0 / 3] = [3, 0]
        //   ids [0, 0, 2] -> mean([0, 0], [0, 0], [3, 4]) = [1, 4 / 3]
        OnnxTensor pooled = session.Run(
            new Dictionary<string, OnnxTensor> { ["input_ids"] = OnnxTensor.FromInt64s([1, 2, 3, 0, 0, 2], 2, 3) })["pooled"];

        Assert.Equal(new long[] { 2, 2 }, pooled.Shape);
        float[] expected = [3f, 0f, 1f, 4f / 3f];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], pooled.FloatData[i], 1e-6f);
        }
    }

    [Fact]
    public void Bert_style_masked_mean_pooling_ignores_padding_tokens()
    {
        using InferenceSession session = InferenceSession.FromBytes(TestModels.MaskedMeanPooling());

        // Sentence 0: ids [1, 2, 3], mask [1, 1, 0] -> ([1, 2] + [3, 4]) / 2 = [2, 3]
        // Sentence 1: ids [2, 0, 0], mask [1, 0, 0] -> [3, 4] / 1 = [3, 4]
        OnnxTensor embedding = session.Run(new Dictionary<string, OnnxTensor>
        {
            ["input_ids"] = OnnxTensor.FromInt64s([1, 2, 3, 2, 0, 0], 2, 3),
            ["attention_mask"] = OnnxTensor.FromInt64s([1, 1, 0, 1, 0, 0], 2, 3),
        })["sentence_embedding"];

        Assert.Equal(new long[] { 2, 2 }, embedding.Shape);
        Assert.Equal(new[] { 2f, 3f, 3f, 4f }, embedding.FloatData);
    }

    [Fact]
    public void Flatten_mul_div_and_int64_argmax_outputs()
    {
        using InferenceSession session = InferenceSession.FromBytes(TestModels.FlattenScaleArgMax());

        // Row 0: flat [1, 1, 1, 1, 1, 1] * [1..6] / 2 = [0.5, 1, 1.5, 2, 2.5, 3], argmax 5
        // Row 1: flat [6, 5, 4, 3, 2, 1] * [1..6] / 2 = [3, 5, 6, 6, 5, 3],       argmax 2 (first of the tied maxima)
        IReadOnlyDictionary<string, OnnxTensor> outputs = session.Run(new Dictionary<string, OnnxTensor>
        {
            ["x"] = OnnxTensor.FromFloats([1f, 1f, 1f, 1f, 1f, 1f, 6f, 5f, 4f, 3f, 2f, 1f], 2, 2, 3),
        });

        Assert.Equal(new long[] { 2, 6 }, outputs["y"].Shape);
        Assert.Equal(new[] { 0.5f, 1f, 1.5f, 2f, 2.5f, 3f, 3f, 5f, 6f, 6f, 5f, 3f }, outputs["y"].FloatData);
        Assert.Equal(TensorElementType.Int64, outputs["argmax"].ElementType);
        Assert.Equal(new long[] { 2 }, outputs["argmax"].Shape);
        Assert.Equal(new long[] { 5, 2 }, outputs["argmax"].Int64Data);
    }

    [Fact]
    public void Only_the_requested_outputs_are_returned()
    {
        using InferenceSession session = InferenceSession.FromBytes(TestModels.FlattenScaleArgMax());

        IReadOnlyDictionary<string, OnnxTensor> outputs = session.Run(
            new Dictionary<string, OnnxTensor> { ["x"] = OnnxTensor.FromFloats(new float[6], 1, 2, 3) },
            ["argmax"]);

        Assert.Equal(["argmax"], outputs.Keys);
    }

    [Fact]
    public void RunInto_writes_the_output_into_the_callers_buffer_and_returns_its_shape()
    {
        using InferenceSession session = InferenceSession.FromBytes(TestModels.AffineRelu());
        float[] destination = Enumerable.Repeat(-7f, 10).ToArray();

        long[] shape = session.RunInto("x", AffineInputs, [4, 3], "y", destination);

        Assert.Equal(new long[] { 4, 2 }, shape);
        Assert.Equal(AffineExpected, destination[..8]);
        Assert.Equal(new[] { -7f, -7f }, destination[8..]); // untouched past the output
    }

    [Fact]
    public void RunInto_rejects_a_destination_too_small_for_the_output()
    {
        using InferenceSession session = InferenceSession.FromBytes(TestModels.AffineRelu());

        var error = Assert.Throws<ArgumentException>(() => session.RunInto("x", AffineInputs, [4, 3], "y", new float[7]));
        Assert.Contains("8 values", error.Message);
    }

    [Fact]
    public void Concurrent_runs_on_one_session_give_the_same_results_as_sequential_runs()
    {
        using InferenceSession session = InferenceSession.FromBytes(TestModels.AffineRelu());
        float[][] batches = Enumerable.Range(0, 32)
            .Select(seed => Enumerable.Range(0, 3 * (1 + (seed % 5))).Select(i => ((i * 7) + seed) % 11 - 5f).ToArray())
            .ToArray();
        float[][] sequential = batches.Select(batch => RunAffine(session, batch)).ToArray();

        var parallel = new float[batches.Length][];
        Parallel.For(0, batches.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = RunAffine(session, batches[i]));

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Model_file_and_session_options_give_the_same_result_as_bytes_and_defaults()
    {
        string path = Path.Combine(Path.GetTempPath(), $"affine-relu-{Guid.NewGuid():N}.onnx");
        try
        {
            File.WriteAllBytes(path, TestModels.AffineRelu());
            var options = new SessionOptions { IntraOpThreads = 2, OptimizationLevel = GraphOptimizationLevel.DisableAll };
            using InferenceSession session = InferenceSession.Open(path, options);

            Assert.Equal(AffineExpected, RunAffine(session, AffineInputs));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static float[] RunAffine(InferenceSession session, float[] batch) =>
        session.Run(["x"], [OnnxTensor.FromFloats(batch, batch.Length / 3, 3)], ["y"])[0].FloatData;
}
