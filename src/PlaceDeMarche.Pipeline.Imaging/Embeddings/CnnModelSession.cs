using Microsoft.ML.OnnxRuntime;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Onnx;

namespace PlaceDeMarche.Pipeline.Imaging.Embeddings;

/// <summary>
/// An image model (plus, for models that ship it, the graph that preprocesses their input) opened through
/// <see cref="OnnxModel"/>, and checked when it opens against what the study declares: the named input is float
/// [N, 3, size, size] and one of the declared outputs exists (the first the graph has is used). Thread-safe: workers run their batches side by side.
/// </summary>
public sealed class CnnModelSession : IDisposable
{
    private readonly OnnxModel model;
    private readonly OnnxModel? preprocess;
    private readonly string[] inputNames;
    private readonly string[] outputNames;
    private readonly int size;

    private CnnModelSession(OnnxModel model, OnnxModel? preprocess, string input, string output, int size)
    {
        this.model = model;
        this.preprocess = preprocess;
        this.size = size;
        inputNames = [input];
        outputNames = [output];
        Output = output;
        var inputShape = model.Inputs[input].Dimensions;
        FixedBatch = inputShape[0] > 0 ? inputShape[0] : 0;
    }

    /// <summary>The batch size the graph requires (1 for ResNet18's CNTK export), 0 when any batch is accepted.</summary>
    public int FixedBatch { get; }

    /// <summary>The provider the model runs on.</summary>
    public OnnxExecutionProvider ExecutionProvider => model.ExecutionProvider;

    /// <summary>The output used as the embedding: the first declared output the graph has.</summary>
    public string Output { get; }

    /// <summary>Opens <paramref name="modelPath"/> (and <paramref name="preprocessPath"/> when not null) and checks their signatures.</summary>
    /// <param name="label">The model's section in pipeline.yaml, e.g. <c>images.cnn.resnet18</c>: names it in errors.</param>
    /// <exception cref="InvalidDataException">The model's input or output is not what <paramref name="label"/> declares.</exception>
    /// <exception cref="OnnxModelException">ONNX Runtime cannot load a file.</exception>
    public static CnnModelSession Open(
        string label, string modelPath, string? preprocessPath, string input, IReadOnlyList<string> outputs, int size, OnnxSettings settings, IPipelineLog log)
    {
        var model = OnnxModel.Open(modelPath, label, $"{label}.model", settings, log);
        OnnxModel? preprocess = null;
        try
        {
            preprocess = preprocessPath is null ? null : OnnxModel.Open(preprocessPath, $"{label} preprocessing", $"{label}.preprocess_model", settings, log);
            var output = CheckSignature(label, modelPath, model, input, outputs, size);
            if (preprocess is not null && (preprocess.Inputs.Count != 1 || preprocess.Outputs.Count != 1))
            {
                throw new InvalidDataException($"{label}: the preprocessing graph {preprocessPath} must have one input and one output; it has {preprocess.DescribeInputs()} and {preprocess.DescribeOutputs()}.");
            }

            return new CnnModelSession(model, preprocess, input, output, size);
        }
        catch
        {
            model.Dispose();
            preprocess?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="count"/> images whose tensors lie back to back at the start of <paramref name="inputs"/>
    /// and returns their outputs back to back (<c>count × feature length</c> floats).
    /// </summary>
    public float[] Run(Memory<float> inputs, int count) => Run(inputs, count, outputNames);

    /// <summary>As <see cref="Run(Memory{float}, int)"/>, reading another output of the graph (see <see cref="HasOutput"/>).</summary>
    public float[] Run(Memory<float> inputs, int count, string output) => Run(inputs, count, [output]);

    /// <summary>Whether the graph has an output of that name.</summary>
    public bool HasOutput(string output) => model.Outputs.ContainsKey(output);

    public void Dispose()
    {
        model.Dispose();
        preprocess?.Dispose();
    }

    private float[] Run(Memory<float> inputs, int count, string[] outputs)
    {
        var length = 3 * size * size;
        using var tensor = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, inputs[..(count * length)], [count, 3, size, size]);
        if (preprocess is null)
        {
            return Infer(tensor, outputs);
        }

        using var prepared = preprocess.Run([.. preprocess.Inputs.Keys], [tensor], [.. preprocess.Outputs.Keys]);
        return Infer(prepared[0], outputs);
    }

    private float[] Infer(OrtValue tensor, string[] outputs)
    {
        using var results = model.Run(inputNames, [tensor], outputs);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }

    /// <returns>The first of <paramref name="outputs"/> that the graph has.</returns>
    private static string CheckSignature(string label, string path, OnnxModel model, string input, IReadOnlyList<string> outputs, int size)
    {
        if (!model.Inputs.TryGetValue(input, out var inputMetadata))
        {
            throw new InvalidDataException($"{label}: {path} has no input '{input}' (its inputs: {model.DescribeInputs()}); fix {label}.input in pipeline.yaml.");
        }

        var shape = inputMetadata.Dimensions;
        if (inputMetadata.ElementDataType != Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float || shape.Length != 4 || shape[1] != 3
            || (shape[2] > 0 && shape[2] != size) || (shape[3] > 0 && shape[3] != size))
        {
            throw new InvalidDataException(
                $"{label}: input '{input}' of {path} is {inputMetadata.ElementDataType} [{string.Join(", ", shape)}], but the stage feeds float [N, 3, {size}, {size}] (NCHW); " +
                $"check {label}.input_size and that the model takes planar RGB images.");
        }

        return outputs.FirstOrDefault(model.Outputs.ContainsKey)
            ?? throw new InvalidDataException(
                $"{label}: {path} has none of the outputs {string.Join(", ", outputs.Select(o => $"'{o}'"))} (its outputs: {model.DescribeOutputs()}); fix {label}.outputs in pipeline.yaml.");
    }
}
