using Microsoft.ML.OnnxRuntime;
using PlaceDeMarche.Pipeline.TestSupport.Logging;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Onnx.Tests;

// Expected values are computed by hand from TestModels' weights (comments show the arithmetic); every value is
// exactly representable in float32, so the comparisons are exact.
public sealed class OnnxModelRunTests
{
    // Rows of x and Relu(x·W + b) with W = [[1, -1], [2, 0.5], [-1, 1]], b = [0.5, -2]:
    //   [1, 2, 3]  -> xW = [1 + 4 - 3, -1 + 1 + 3] = [2, 3]  -> +b = [2.5, 1]    -> [2.5, 1]
    //   [-1, 0, 1] -> xW = [-2, 2]                            -> +b = [-1.5, 0]   -> [0, 0]
    //   [3, 1, 0]  -> xW = [3 + 2, -3 + 0.5] = [5, -2.5]      -> +b = [5.5, -4.5] -> [5.5, 0]
    //   [0, 0, 0]  -> xW = [0, 0]                             -> +b = [0.5, -2]   -> [0.5, 0]
    private static readonly float[] AffineInputs = [1f, 2f, 3f, -1f, 0f, 1f, 3f, 1f, 0f, 0f, 0f, 0f];
    private static readonly float[] AffineExpected = [2.5f, 1f, 0f, 0f, 5.5f, 0f, 0.5f, 0f];

    private readonly RecordingLog log = new();

    [Fact]
    public void Affine_relu_matches_hand_computed_values_for_any_batch_size()
    {
        using var model = OnnxModel.FromBytes(TestModels.AffineRelu(), "affine", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section), log);

        Assert.Equal(AffineExpected, RunAffine(model, AffineInputs));
        Assert.Equal([2.5f, 1f], RunAffine(model, AffineInputs[..3]));
        Assert.Empty(RunAffine(model, []));
        Assert.Equal(OnnxExecutionProvider.Cpu, model.ExecutionProvider);
        Assert.Empty(log.Lines);
    }

    [Fact]
    public void Bert_style_masked_mean_pooling_ignores_padding_tokens()
    {
        using var model = OnnxModel.FromBytes(TestModels.MaskedMeanPooling(), "pooling", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section), log);
        using var ids = OrtValue.CreateTensorValueFromMemory(new long[] { 1, 2, 3, 2, 0, 0 }, [2, 3]);
        using var mask = OrtValue.CreateTensorValueFromMemory(new long[] { 1, 1, 0, 1, 0, 0 }, [2, 3]);

        using var outputs = model.Run(["input_ids", "attention_mask"], [ids, mask], ["sentence_embedding"]);

        // Sentence 0: ids [1, 2, 3], mask [1, 1, 0] -> ([1, 2] + [3, 4]) / 2 = [2, 3]
        // Sentence 1: ids [2, 0, 0], mask [1, 0, 0] -> [3, 4] / 1 = [3, 4]
        Assert.Equal([2L, 2L], outputs[0].GetTensorTypeAndShape().Shape);
        Assert.Equal([2f, 3f, 3f, 4f], outputs[0].GetTensorDataAsSpan<float>().ToArray());
    }

    [Fact]
    public void Concurrent_runs_on_one_model_give_the_same_results_as_sequential_runs()
    {
        using var model = OnnxModel.FromBytes(TestModels.AffineRelu(), "affine", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section), log);
        var batches = Enumerable.Range(0, 32)
            .Select(seed => Enumerable.Range(0, 3 * (1 + (seed % 5))).Select(i => (((i * 7) + seed) % 11) - 5f).ToArray())
            .ToArray();
        var sequential = batches.Select(batch => RunAffine(model, batch)).ToArray();

        var parallel = new float[batches.Length][];
        Parallel.For(0, batches.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = RunAffine(model, batches[i]));

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void A_model_file_with_other_thread_settings_gives_the_same_result()
    {
        var path = Path.Combine(Path.GetTempPath(), $"affine-relu-{Guid.NewGuid():N}.onnx");
        try
        {
            File.WriteAllBytes(path, TestModels.AffineRelu());
            using var model = OnnxModel.Open(path, "affine", "test.model", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section, o => o.IntraOpThreads = 2), log);

            Assert.Equal(AffineExpected, RunAffine(model, AffineInputs));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static float[] RunAffine(OnnxModel model, float[] rows)
    {
        using var x = OrtValue.CreateTensorValueFromMemory(rows, [rows.Length / 3, 3]);
        using var outputs = model.Run(["x"], [x], ["y"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
