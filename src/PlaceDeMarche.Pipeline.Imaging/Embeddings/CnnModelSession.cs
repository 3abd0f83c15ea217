using Microsoft.ML.OnnxRuntime;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Onnx;

namespace PlaceDeMarche.Pipeline.Imaging.Embeddings;

/// <summary>
/// An image model (plus, for models that ship it, the graph that preprocesses their input) opened through
/// <see cref="OnnxModel"/>, and checked when it opens against what the study declares: the named input is float
/// [N, 3, size, size] and the named output exists. Thread-safe: workers run their batches side by side.
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
        var inputShape = model.Inputs[input].Dimensions;
        FixedBatch = inputShape[0] > 0 ? inputShape[0] : 0;
    }

    /// <summary>The batch size the graph requires (1 for ResNet18's CNTK export), 0 when any batch is accepted.</summary>
    public int FixedBatch { get; }

    /// <summary>The provider the model runs on.</summary>
    public OnnxExecutionProvider ExecutionProvider => model.ExecutionProvider;

    /// <summary>Opens <paramref name="modelPath"/> (and <paramref name="preprocessPath"/> when not null) and checks their signatures.</summary>
    /// <param name="label">The model's section in pipeline.yaml, e.g. <c>images.cnn.resnet18</c>: names it in errors.</param>
    /// <exception cref="InvalidDataException">The model's input or output is not what <paramref name="label"/> declares.</exception>
    /// <exception cref="OnnxModelException">ONNX Runtime cannot load a file.</exception>
    public static CnnModelSession Open(
        string label, string modelPath, string? preprocessPath, string input, string output, int size, OnnxSettings settings, IPipelineLog log)
    {
        var model = OnnxModel.Open(modelPath, label, $"{label}.model", settings, log);
        OnnxModel? preprocess = null;
        try
        {
            preprocess = preprocessPath is null ? null : OnnxModel.Open(preprocessPath, $"{label} preprocessing", $"{label}.preprocess_model", settings, log);
            CheckSignature(label, modelPath, model, input, output, size);
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
    public float[] Run(Memory<float> inputs, int count)
    {
        var length = 3 * size * size;
        using var tensor = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, inputs[..(count * length)], [count, 3, size, size]);
        if (preprocess is null)
        {
            return Infer(tensor);
        }

        using var prepared = preprocess.Run([.. preprocess.Inputs.Keys], [tensor], [.. preprocess.Outputs.Keys]);
        return Infer(prepared[0]);
    }

    public void Dispose()
    {
        model.Dispose();
        preprocess?.Dispose();
    }

    private float[] Infer(OrtValue tensor)
    {
        using var outputs = model.Run(inputNames, [tensor], outputNames);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static void CheckSignature(string label, string path, OnnxModel model, string input, string output, int size)
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

        if (!model.Outputs.ContainsKey(output))
        {
            throw new InvalidDataException($"{label}: {path} has no output '{output}' (its outputs: {model.DescribeOutputs()}); fix {label}.output in pipeline.yaml.");
        }
    }
}
