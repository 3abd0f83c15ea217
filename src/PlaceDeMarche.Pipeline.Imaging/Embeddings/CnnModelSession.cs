using Microsoft.ML.OnnxRuntime;

namespace PlaceDeMarche.Pipeline.Imaging.Embeddings;

/// <summary>
/// One ONNX Runtime session of an image model (plus, for models that ship it, the graph that preprocesses their
/// input), checked against what the study expects when it opens: the named input is float [N, 3, size, size] and
/// the named output exists. Single-threaded, so callers run one session per core; not thread-safe.
/// </summary>
public sealed class CnnModelSession : IDisposable
{
    private readonly InferenceSession model;
    private readonly InferenceSession? preprocess;
    private readonly string preprocessInput = string.Empty;
    private readonly string preprocessOutput = string.Empty;
    private readonly string[] outputNames;
    private readonly int inputLength;

    private CnnModelSession(InferenceSession model, InferenceSession? preprocess, string input, string output, int size)
    {
        this.model = model;
        this.preprocess = preprocess;
        InputName = input;
        outputNames = [output];
        inputLength = 3 * size * size;
        var inputShape = model.InputMetadata[input].Dimensions;
        FixedBatch = inputShape[0] > 0 ? inputShape[0] : 0;
        var outputShape = model.OutputMetadata[output].Dimensions;
        FeatureLength = outputShape.Skip(1).All(d => d > 0) ? outputShape.Skip(1).Aggregate(1, (a, d) => a * d) : 0;
        if (preprocess is not null)
        {
            preprocessInput = preprocess.InputMetadata.Keys.Single();
            preprocessOutput = preprocess.OutputMetadata.Keys.Single();
        }
    }

    public string InputName { get; }

    /// <summary>The batch size the graph requires (1 for ResNet18's CNTK export), 0 when any batch is accepted.</summary>
    public int FixedBatch { get; }

    /// <summary>Floats per image of the output (its non-batch dimensions multiplied), 0 when the graph leaves them open.</summary>
    public int FeatureLength { get; }

    /// <summary>Opens <paramref name="modelPath"/> (and <paramref name="preprocessPath"/> when not null) and checks their signatures.</summary>
    /// <param name="label">Names the model in errors, e.g. <c>images.cnn.resnet18</c>.</param>
    /// <exception cref="InvalidDataException">A file is not a loadable ONNX model, or its input or output is not what <paramref name="label"/> declares.</exception>
    public static CnnModelSession Open(string label, string modelPath, string? preprocessPath, string input, string output, int size)
    {
        var model = Load(label, modelPath);
        InferenceSession? preprocess = null;
        try
        {
            preprocess = preprocessPath is null ? null : Load(label, preprocessPath);
            CheckSignature(label, modelPath, model, input, output, size);
            if (preprocess is not null && (preprocess.InputMetadata.Count != 1 || preprocess.OutputMetadata.Count != 1))
            {
                throw new InvalidDataException($"{label}: the preprocessing graph {preprocessPath} must have one input and one output, not {preprocess.InputMetadata.Count} and {preprocess.OutputMetadata.Count}.");
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
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs.Length, count * inputLength, nameof(inputs));
        if (FixedBatch > 0 && count != FixedBatch)
        {
            throw new ArgumentException($"The model takes batches of exactly {FixedBatch} images, not {count}.", nameof(count));
        }

        var size = (long)Math.Sqrt(inputLength / 3);
        using var tensor = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, inputs[..(count * inputLength)], [count, 3, size, size]);
        if (preprocess is null)
        {
            return Infer(tensor);
        }

        using var runOptions = new RunOptions();
        using var prepared = preprocess.Run(runOptions, [preprocessInput], [tensor], [preprocessOutput]);
        return Infer(prepared[0]);
    }

    public void Dispose()
    {
        model.Dispose();
        preprocess?.Dispose();
    }

    private float[] Infer(OrtValue tensor)
    {
        using var runOptions = new RunOptions();
        using var outputs = model.Run(runOptions, [InputName], [tensor], outputNames);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static InferenceSession Load(string label, string path)
    {
        // One thread per session: the stage opens one session per core and feeds them in parallel, which also works
        // for graphs whose batch is fixed at 1.
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{label}: ONNX Runtime cannot load {path}: {e.Message} The file is damaged or not an ONNX model; restore it from its source.", e);
        }
    }

    private static void CheckSignature(string label, string path, InferenceSession model, string input, string output, int size)
    {
        if (!model.InputMetadata.TryGetValue(input, out var inputMetadata))
        {
            throw new InvalidDataException($"{label}: {path} has no input '{input}' (its inputs: {string.Join(", ", model.InputMetadata.Keys)}); fix 'input' in pipeline.yaml.");
        }

        var shape = inputMetadata.Dimensions;
        if (inputMetadata.ElementDataType != Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float || shape.Length != 4 || shape[1] != 3 || (shape[2] > 0 && shape[2] != size) || (shape[3] > 0 && shape[3] != size))
        {
            throw new InvalidDataException(
                $"{label}: input '{input}' of {path} is {inputMetadata.ElementDataType} [{string.Join(", ", shape)}], but the stage feeds float [N, 3, {size}, {size}] (NCHW); " +
                "check input_size and that the model takes planar RGB images.");
        }

        if (!model.OutputMetadata.ContainsKey(output))
        {
            throw new InvalidDataException($"{label}: {path} has no output '{output}' (its outputs: {string.Join(", ", model.OutputMetadata.Keys)}); fix 'output' in pipeline.yaml.");
        }
    }
}
