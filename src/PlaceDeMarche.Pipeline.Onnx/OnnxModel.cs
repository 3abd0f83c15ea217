using Microsoft.ML.OnnxRuntime;
using PlaceDeMarche.Pipeline.Core.Logging;

namespace PlaceDeMarche.Pipeline.Onnx;

/// <summary>
/// An ONNX model loaded into ONNX Runtime with the study's <see cref="OnnxSettings"/> (execution provider, threads).
/// It adds what the runtime's own errors lack: which model failed and where it came from, and for a wrong input the
/// expected and given shapes. <see cref="Run"/> is thread-safe, as <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/> is.
/// </summary>
public sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();

    private OnnxModel(InferenceSession session, string name, OnnxExecutionProvider executionProvider)
    {
        this.session = session;
        Name = name;
        ExecutionProvider = executionProvider;
    }

    /// <summary>The name the study gives the model (e.g. <c>minilm</c>), used in every message.</summary>
    public string Name { get; }

    /// <summary>The provider the model actually runs on (CPU when CUDA was asked for but is not available).</summary>
    public OnnxExecutionProvider ExecutionProvider { get; }

    /// <summary>The model's inputs, by name (initializers excluded).</summary>
    public IReadOnlyDictionary<string, NodeMetadata> Inputs => session.InputMetadata;

    /// <summary>The model's outputs, by name.</summary>
    public IReadOnlyDictionary<string, NodeMetadata> Outputs => session.OutputMetadata;

    /// <summary>The inputs as "name: Type[dimensions]", dynamic dimensions by their symbolic name, for messages.</summary>
    public string DescribeInputs() => OnnxInputCheck.Describe(Inputs);

    /// <summary>The outputs, described as <see cref="DescribeInputs"/> does.</summary>
    public string DescribeOutputs() => OnnxInputCheck.Describe(Outputs);

    /// <summary>Loads a model file.</summary>
    /// <param name="path">The .onnx file.</param>
    /// <param name="name">The study's name for the model.</param>
    /// <param name="configurationKey">The pipeline.yaml key that chose the file, named when it is missing or unreadable.</param>
    /// <param name="settings">Execution provider and threads.</param>
    /// <param name="log">Receives the warning when CUDA was asked for and the model runs on the CPU instead.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="OnnxModelException">ONNX Runtime rejected the file.</exception>
    public static OnnxModel Open(string path, string name, string configurationKey, OnnxSettings settings, IPipelineLog log)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException(
                $"ONNX model '{name}': {full} does not exist ({configurationKey} in pipeline.yaml). Put the model there or point {configurationKey} at it.",
                full);
        }

        return Create(name, $"{full}, {configurationKey} in pipeline.yaml", settings, log, options => new InferenceSession(full, options));
    }

    /// <summary>Loads a model from its serialized bytes.</summary>
    /// <inheritdoc cref="Open" path="/param[@name='name']|/param[@name='settings']|/param[@name='log']"/>
    /// <exception cref="OnnxModelException">ONNX Runtime rejected the bytes.</exception>
    public static OnnxModel FromBytes(byte[] model, string name, OnnxSettings settings, IPipelineLog log)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Create(name, $"{model.Length} bytes in memory", settings, log, options => new InferenceSession(model, options));
    }

    /// <summary>Runs the model on <paramref name="inputs"/> (paired with <paramref name="inputNames"/>) and returns the requested outputs, in order.</summary>
    /// <exception cref="ArgumentException">An input is unknown, missing, given twice, or has the wrong element type or shape; an output is unknown.</exception>
    /// <exception cref="OnnxModelException">ONNX Runtime failed while running the model.</exception>
    public IDisposableReadOnlyCollection<OrtValue> Run(IReadOnlyList<string> inputNames, IReadOnlyList<OrtValue> inputs, IReadOnlyList<string> outputNames)
    {
        ArgumentNullException.ThrowIfNull(inputNames);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputNames);
        OnnxInputCheck.Check(this, inputNames, inputs, outputNames);
        try
        {
            return session.Run(runOptions, inputNames, inputs, outputNames);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxModelException($"ONNX model '{Name}' failed while running: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
    }

    private static OnnxModel Create(string name, string origin, OnnxSettings settings, IPipelineLog log, Func<SessionOptions, InferenceSession> open)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        if (settings.RequestedProvider() == OnnxExecutionProvider.Cuda)
        {
            // A CPU-only package, a missing CUDA library or an absent GPU all surface here as catchable errors.
            try
            {
                return Load(name, origin, settings, OnnxExecutionProvider.Cuda, open);
            }
            catch (Exception e) when (e is OnnxRuntimeException or OnnxModelException or DllNotFoundException or EntryPointNotFoundException)
            {
                var model = Load(name, origin, settings, OnnxExecutionProvider.Cpu, open);
                log.Warning(
                    $"ONNX model '{name}': {OnnxSettings.Section}.execution_provider is cuda but CUDA is not available " +
                    $"({FirstLine(e.Message)}); running on the CPU. Build with `dotnet cake --onnx-gpu` on a machine with an NVIDIA GPU and CUDA to use it.");
                return model;
            }
        }

        return Load(name, origin, settings, OnnxExecutionProvider.Cpu, open);
    }

    private static OnnxModel Load(string name, string origin, OnnxSettings settings, OnnxExecutionProvider provider, Func<SessionOptions, InferenceSession> open)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = settings.IntraOpThreads,
            // Our callers run batches side by side; one graph's nodes run in order on the caller's thread.
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        if (provider == OnnxExecutionProvider.Cuda)
        {
            options.AppendExecutionProvider_CUDA(0);
        }

        try
        {
            return new OnnxModel(open(options), name, provider);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxModelException(
                $"ONNX Runtime cannot load model '{name}' ({origin}): {e.Message} The file is damaged or not an ONNX model: replace it.", e);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
