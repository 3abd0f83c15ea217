using System.Runtime.InteropServices;
using System.Text;
using PlaceDeMarche.Pipeline.Onnx.Native;

namespace PlaceDeMarche.Pipeline.Onnx;

/// <summary>
/// An ONNX model loaded into ONNX Runtime (CPU), ready to run. <c>Run</c> is thread-safe: several threads may run
/// the same session at once, and disposing it while a run is in progress is safe (the release waits for the run).
/// </summary>
public sealed unsafe class InferenceSession : IDisposable
{
    // Name lists longer than this are rare enough to go to the heap instead of the stack.
    private const int StackLimit = 32;

    private readonly OrtRuntime runtime;
    private readonly OrtHandle session;
    private readonly string modelDescription;
    private readonly string[] inputNames;
    private readonly string[] outputNames;
    private readonly Dictionary<string, int> inputIndexByName;
    private readonly Dictionary<string, int> outputIndexByName;

    // NUL-terminated UTF-8 names in pinned arrays: their addresses are handed to every Run without re-encoding.
    private readonly byte[][] nativeInputNames;
    private readonly byte[][] nativeOutputNames;

    private InferenceSession(OrtRuntime runtime, OrtHandle session, string modelDescription)
    {
        this.runtime = runtime;
        this.session = session;
        this.modelDescription = modelDescription;
        try
        {
            Inputs = ReadAllMetadata(isInput: true);
            Outputs = ReadAllMetadata(isInput: false);
        }
        catch
        {
            session.Dispose();
            throw;
        }

        inputNames = Inputs.Select(input => input.Name).ToArray();
        outputNames = Outputs.Select(output => output.Name).ToArray();
        inputIndexByName = IndexByName(inputNames);
        outputIndexByName = IndexByName(outputNames);
        nativeInputNames = inputNames.Select(PinnedUtf8).ToArray();
        nativeOutputNames = outputNames.Select(PinnedUtf8).ToArray();
    }

    /// <summary>The model's inputs (all required), in declaration order.</summary>
    public IReadOnlyList<TensorMetadata> Inputs { get; }

    /// <summary>The model's outputs, in declaration order.</summary>
    public IReadOnlyList<TensorMetadata> Outputs { get; }

    /// <summary>Loads an ONNX model file.</summary>
    /// <param name="modelPath">Path of the .onnx file (external data files are looked up next to it).</param>
    /// <param name="options">Threads and optimisation level; <see cref="SessionOptions.Default"/> if null.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="OnnxRuntimeException">The runtime rejected the model; its message says why.</exception>
    /// <exception cref="DllNotFoundException">ONNX Runtime itself could not be found (see <see cref="OnnxRuntimeLibrary"/>).</exception>
    public static InferenceSession Open(string modelPath, SessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        string fullPath = Path.GetFullPath(modelPath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"ONNX model file '{fullPath}' does not exist.", fullPath);
        }

        OrtRuntime runtime = OnnxRuntimeLibrary.Runtime;
        OrtApi api = runtime.Api;
        string description = $"model '{fullPath}'";
        using OrtHandle sessionOptions = CreateSessionOptions(runtime, options ?? SessionOptions.Default);
        nint created;
        nint status;
        if (OperatingSystem.IsWindows())
        {
            // ORTCHAR_T is wchar_t (UTF-16) on Windows and char (UTF-8) elsewhere.
            fixed (char* path = fullPath)
            {
                status = api.CreateSession(runtime.Environment, path, sessionOptions.DangerousGetHandle(), &created);
            }
        }
        else
        {
            fixed (byte* path = Encoding.UTF8.GetBytes(fullPath + '\0'))
            {
                status = api.CreateSession(runtime.Environment, path, sessionOptions.DangerousGetHandle(), &created);
            }
        }

        api.ThrowIfFailed(status, $"Loading {description}");
        return new InferenceSession(runtime, new OrtHandle(created, api.ReleaseSession), description);
    }

    /// <summary>Loads an ONNX model from its serialized bytes (e.g. built by <see cref="Building.OnnxGraphBuilder"/>).</summary>
    /// <param name="model">The ModelProto bytes; copied by the runtime, free to reuse afterwards.</param>
    /// <param name="options">Threads and optimisation level; <see cref="SessionOptions.Default"/> if null.</param>
    /// <exception cref="OnnxRuntimeException">The bytes are not a valid model; the runtime's message says why.</exception>
    /// <exception cref="DllNotFoundException">ONNX Runtime itself could not be found (see <see cref="OnnxRuntimeLibrary"/>).</exception>
    public static InferenceSession FromBytes(ReadOnlySpan<byte> model, SessionOptions? options = null)
    {
        OrtRuntime runtime = OnnxRuntimeLibrary.Runtime;
        OrtApi api = runtime.Api;
        string description = $"in-memory model ({model.Length} bytes)";
        using OrtHandle sessionOptions = CreateSessionOptions(runtime, options ?? SessionOptions.Default);
        nint created;
        fixed (byte* bytes = model)
        {
            api.ThrowIfFailed(
                api.CreateSessionFromArray(runtime.Environment, bytes, (nuint)model.Length, sessionOptions.DangerousGetHandle(), &created),
                $"Loading {description}");
        }

        return new InferenceSession(runtime, new OrtHandle(created, api.ReleaseSession), description);
    }

    /// <summary>Runs the model and returns every output, by name.</summary>
    /// <param name="inputs">One tensor per model input, keyed by input name.</param>
    /// <exception cref="ArgumentException">An input is missing, unknown or given twice.</exception>
    /// <exception cref="OnnxRuntimeException">The runtime rejected the inputs (type, rank, shape) or failed while running.</exception>
    /// <exception cref="NotSupportedException">An output is not a Float or Int64 tensor.</exception>
    public IReadOnlyDictionary<string, OnnxTensor> Run(IReadOnlyDictionary<string, OnnxTensor> inputs) => Run(inputs, outputNames);

    /// <summary>Runs the model and returns the requested outputs, by name (the runtime computes only what they need).</summary>
    /// <param name="inputs">One tensor per model input, keyed by input name.</param>
    /// <param name="requestedOutputs">Names of the outputs to compute.</param>
    /// <exception cref="ArgumentException">An input is missing, unknown or given twice, or an output name is unknown.</exception>
    /// <exception cref="OnnxRuntimeException">The runtime rejected the inputs (type, rank, shape) or failed while running.</exception>
    /// <exception cref="NotSupportedException">A requested output is not a Float or Int64 tensor.</exception>
    public IReadOnlyDictionary<string, OnnxTensor> Run(IReadOnlyDictionary<string, OnnxTensor> inputs, IReadOnlyList<string> requestedOutputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(requestedOutputs);
        string[] names = inputs.Keys.ToArray();
        OnnxTensor[] values = names.Select(name => inputs[name]).ToArray();
        string[] wanted = requestedOutputs.ToArray();
        OnnxTensor[] results = Run(names, values, wanted);
        var byName = new Dictionary<string, OnnxTensor>(wanted.Length, StringComparer.Ordinal);
        for (int i = 0; i < wanted.Length; i++)
        {
            byName[wanted[i]] = results[i];
        }

        return byName;
    }

    /// <summary>Runs the model with inputs and outputs given as parallel spans; returns the outputs in the order asked.</summary>
    /// <param name="names">Input names, one per tensor of <paramref name="values"/>.</param>
    /// <param name="values">The input tensors.</param>
    /// <param name="requestedOutputs">Names of the outputs to compute (at least one).</param>
    /// <exception cref="ArgumentException">Inputs are missing, unknown, duplicated or not paired with names; an output is unknown.</exception>
    /// <exception cref="OnnxRuntimeException">The runtime rejected the inputs (type, rank, shape) or failed while running.</exception>
    /// <exception cref="NotSupportedException">A requested output is not a Float or Int64 tensor.</exception>
    public OnnxTensor[] Run(ReadOnlySpan<string> names, ReadOnlySpan<OnnxTensor> values, ReadOnlySpan<string> requestedOutputs)
    {
        if (names.Length != values.Length)
        {
            throw new ArgumentException($"{names.Length} input names were given for {values.Length} tensors; pair each tensor with its name.", nameof(names));
        }

        Span<int> inputIndices = names.Length <= StackLimit ? stackalloc int[names.Length] : new int[names.Length];
        Span<int> outputIndices = requestedOutputs.Length <= StackLimit ? stackalloc int[requestedOutputs.Length] : new int[requestedOutputs.Length];
        ResolveInputs(names, inputIndices);
        ResolveOutputs(requestedOutputs, outputIndices);

        Span<nint> inputValues = values.Length <= StackLimit ? stackalloc nint[values.Length] : new nint[values.Length];
        Span<GCHandle> pins = values.Length <= StackLimit ? stackalloc GCHandle[values.Length] : new GCHandle[values.Length];
        Span<nint> outputValues = outputIndices.Length <= StackLimit ? stackalloc nint[outputIndices.Length] : new nint[outputIndices.Length];
        inputValues.Clear();
        pins.Clear();
        outputValues.Clear();
        try
        {
            for (int i = 0; i < values.Length; i++)
            {
                OnnxTensor tensor = values[i] ?? throw new ArgumentNullException(nameof(values), $"The tensor for input '{names[i]}' is null.");
                pins[i] = GCHandle.Alloc(tensor.Storage, GCHandleType.Pinned);
                inputValues[i] = CreateInputValue(
                    (void*)pins[i].AddrOfPinnedObject(), tensor.ByteLength, tensor.Dimensions, tensor.ElementType, names[i]);
            }

            Execute(inputIndices, inputValues, outputIndices, outputValues);
            var results = new OnnxTensor[outputValues.Length];
            for (int i = 0; i < results.Length; i++)
            {
                results[i] = ReadOutput(outputValues[i], requestedOutputs[i]);
            }

            return results;
        }
        finally
        {
            ReleaseValues(inputValues);
            ReleaseValues(outputValues);
            foreach (GCHandle pin in pins)
            {
                if (pin.IsAllocated)
                {
                    pin.Free();
                }
            }
        }
    }

    /// <summary>
    /// Runs a single-input model on a float32 buffer and copies one float32 output into <paramref name="destination"/>:
    /// no array is allocated for the data, so batches can stream through pooled buffers.
    /// </summary>
    /// <param name="inputName">Name of the model's only input.</param>
    /// <param name="input">Input values, row-major.</param>
    /// <param name="inputShape">Shape of <paramref name="input"/>.</param>
    /// <param name="outputName">Name of the output to compute.</param>
    /// <param name="destination">Receives the output values, row-major; must be large enough.</param>
    /// <returns>The output's shape; its element count is how much of <paramref name="destination"/> was written.</returns>
    /// <exception cref="ArgumentException">Names are unknown, the input does not match its shape, or the destination is too small.</exception>
    /// <exception cref="OnnxRuntimeException">The runtime rejected the input or failed while running.</exception>
    public long[] RunInto(string inputName, ReadOnlySpan<float> input, ReadOnlySpan<long> inputShape, string outputName, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(inputName);
        ArgumentNullException.ThrowIfNull(outputName);
        long expected = OnnxTensor.ElementCountOf(inputShape);
        if (expected != input.Length)
        {
            throw new ArgumentException(
                $"Input '{inputName}' has shape [{string.Join(", ", inputShape.ToArray())}], i.e. {expected} values, but {input.Length} were given.",
                nameof(input));
        }

        Span<int> inputIndex = stackalloc int[1];
        Span<int> outputIndex = stackalloc int[1];
        ResolveInputs([inputName], inputIndex);
        ResolveOutputs([outputName], outputIndex);
        Span<nint> inputValue = stackalloc nint[1];
        Span<nint> outputValue = stackalloc nint[1];
        inputValue.Clear();
        outputValue.Clear();
        try
        {
            fixed (float* data = input)
            {
                inputValue[0] = CreateInputValue(data, (nuint)input.Length * sizeof(float), inputShape, TensorElementType.Float, inputName);
                Execute(inputIndex, inputValue, outputIndex, outputValue);
            }

            (TensorElementType type, long[] shape) = ReadTypeAndShape(outputValue[0], outputName);
            if (type != TensorElementType.Float)
            {
                throw new NotSupportedException($"Output '{outputName}' of {modelDescription} holds {type} elements; {nameof(RunInto)} reads Float outputs only.");
            }

            int count = (int)OnnxTensor.ElementCountOf(shape);
            if (count > destination.Length)
            {
                throw new ArgumentException(
                    $"Output '{outputName}' has shape [{string.Join(", ", shape)}], i.e. {count} values, but the destination holds only {destination.Length}.",
                    nameof(destination));
            }

            new ReadOnlySpan<float>(TensorData(outputValue[0], outputName), count).CopyTo(destination);
            return shape;
        }
        finally
        {
            ReleaseValues(inputValue);
            ReleaseValues(outputValue);
        }
    }

    /// <summary>Releases the native session. Safe to call more than once; later runs throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => session.Dispose();

    private static OrtHandle CreateSessionOptions(OrtRuntime runtime, SessionOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.IntraOpThreads, nameof(options));
        if (!Enum.IsDefined(options.OptimizationLevel))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.OptimizationLevel, "Unknown graph optimisation level.");
        }

        OrtApi api = runtime.Api;
        nint created;
        api.ThrowIfFailed(api.CreateSessionOptions(&created), "Creating session options");
        var handle = new OrtHandle(created, api.ReleaseSessionOptions);
        try
        {
            api.ThrowIfFailed(api.SetIntraOpNumThreads(created, options.IntraOpThreads), $"Setting {options.IntraOpThreads} intra-op threads");
            api.ThrowIfFailed(
                api.SetSessionGraphOptimizationLevel(created, (int)options.OptimizationLevel),
                $"Setting graph optimisation level {options.OptimizationLevel}");
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static Dictionary<string, int> IndexByName(string[] names)
    {
        var index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            index[names[i]] = i;
        }

        return index;
    }

    private static byte[] PinnedUtf8(string text)
    {
        byte[] bytes = GC.AllocateArray<byte>(Encoding.UTF8.GetByteCount(text) + 1, pinned: true);
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    private TensorMetadata[] ReadAllMetadata(bool isInput)
    {
        OrtApi api = runtime.Api;
        nint handle = session.DangerousGetHandle();
        string kind = isInput ? "input" : "output";
        nuint count;
        api.ThrowIfFailed(
            isInput ? api.SessionGetInputCount(handle, &count) : api.SessionGetOutputCount(handle, &count),
            $"Counting the {kind}s of {modelDescription}");
        nint allocator;
        api.ThrowIfFailed(api.GetAllocatorWithDefaultOptions(&allocator), "Getting the default allocator");

        var metadata = new TensorMetadata[(int)count];
        for (int i = 0; i < metadata.Length; i++)
        {
            string operation = $"Reading {kind} #{i} of {modelDescription}";
            byte* rawName;
            api.ThrowIfFailed(
                isInput ? api.SessionGetInputName(handle, (nuint)i, allocator, &rawName) : api.SessionGetOutputName(handle, (nuint)i, allocator, &rawName),
                operation);
            string name;
            try
            {
                name = Marshal.PtrToStringUTF8((nint)rawName) ?? string.Empty;
            }
            finally
            {
                api.ThrowIfFailed(api.AllocatorFree(allocator, rawName), operation);
            }

            nint typeInfo;
            api.ThrowIfFailed(
                isInput ? api.SessionGetInputTypeInfo(handle, (nuint)i, &typeInfo) : api.SessionGetOutputTypeInfo(handle, (nuint)i, &typeInfo),
                operation);
            try
            {
                int onnxType;
                api.ThrowIfFailed(api.GetOnnxTypeFromTypeInfo(typeInfo, &onnxType), operation);
                if (onnxType != OrtApi.OnnxTypeTensor)
                {
                    metadata[i] = new TensorMetadata(name, TensorElementType.Undefined, []);
                    continue;
                }

                nint tensorInfo; // owned by typeInfo: not released separately
                api.ThrowIfFailed(api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo), operation);
                (TensorElementType type, long[] shape) = ReadTensorInfo(tensorInfo, operation);
                metadata[i] = new TensorMetadata(name, type, Array.AsReadOnly(shape));
            }
            finally
            {
                api.ReleaseTypeInfo(typeInfo);
            }
        }

        return metadata;
    }

    private (TensorElementType Type, long[] Shape) ReadTensorInfo(nint tensorInfo, string operation)
    {
        OrtApi api = runtime.Api;
        int elementType;
        nuint rank;
        api.ThrowIfFailed(api.GetTensorElementType(tensorInfo, &elementType), operation);
        api.ThrowIfFailed(api.GetDimensionsCount(tensorInfo, &rank), operation);
        long[] shape = new long[(int)rank];
        fixed (long* dimensions = shape)
        {
            api.ThrowIfFailed(api.GetDimensions(tensorInfo, dimensions, rank), operation);
        }

        return ((TensorElementType)elementType, shape);
    }

    private void ResolveInputs(ReadOnlySpan<string> names, Span<int> indices)
    {
        Span<bool> given = inputNames.Length <= StackLimit ? stackalloc bool[inputNames.Length] : new bool[inputNames.Length];
        given.Clear();
        for (int i = 0; i < names.Length; i++)
        {
            string name = names[i] ?? throw new ArgumentNullException(nameof(names), "An input name is null.");
            if (!inputIndexByName.TryGetValue(name, out int index))
            {
                throw new ArgumentException(
                    $"'{name}' is not an input of {modelDescription}. Its inputs are: {string.Join(", ", Inputs)}.", nameof(names));
            }

            if (given[index])
            {
                throw new ArgumentException($"Input '{name}' of {modelDescription} was given twice.", nameof(names));
            }

            given[index] = true;
            indices[i] = index;
        }

        int missing = given.IndexOf(false);
        if (missing >= 0)
        {
            throw new ArgumentException(
                $"Input '{inputNames[missing]}' of {modelDescription} was not given; every input is required: {string.Join(", ", Inputs)}.",
                nameof(names));
        }
    }

    private void ResolveOutputs(ReadOnlySpan<string> names, Span<int> indices)
    {
        if (names.IsEmpty)
        {
            throw new ArgumentException($"Ask for at least one output of {modelDescription}: {string.Join(", ", Outputs)}.", nameof(names));
        }

        for (int i = 0; i < names.Length; i++)
        {
            string name = names[i] ?? throw new ArgumentNullException(nameof(names), "An output name is null.");
            if (!outputIndexByName.TryGetValue(name, out indices[i]))
            {
                throw new ArgumentException(
                    $"'{name}' is not an output of {modelDescription}. Its outputs are: {string.Join(", ", Outputs)}.", nameof(names));
            }
        }
    }

    private nint CreateInputValue(void* data, nuint byteLength, ReadOnlySpan<long> shape, TensorElementType type, string name)
    {
        OrtApi api = runtime.Api;
        nint value;
        fixed (long* dimensions = shape)
        {
            api.ThrowIfFailed(
                api.CreateTensorWithDataAsOrtValue(runtime.CpuMemoryInfo, data, byteLength, dimensions, (nuint)shape.Length, (int)type, &value),
                $"Wrapping input '{name}' [{string.Join(", ", shape.ToArray())}] of {modelDescription}");
        }

        return value;
    }

    private void Execute(ReadOnlySpan<int> inputIndices, ReadOnlySpan<nint> inputValues, ReadOnlySpan<int> outputIndices, Span<nint> outputValues)
    {
        ObjectDisposedException.ThrowIf(session.IsClosed, this);
        Span<nint> inputNamePointers = inputIndices.Length <= StackLimit ? stackalloc nint[inputIndices.Length] : new nint[inputIndices.Length];
        Span<nint> outputNamePointers = outputIndices.Length <= StackLimit ? stackalloc nint[outputIndices.Length] : new nint[outputIndices.Length];
        for (int i = 0; i < inputIndices.Length; i++)
        {
            inputNamePointers[i] = Marshal.UnsafeAddrOfPinnedArrayElement(nativeInputNames[inputIndices[i]], 0);
        }

        for (int i = 0; i < outputIndices.Length; i++)
        {
            outputNamePointers[i] = Marshal.UnsafeAddrOfPinnedArrayElement(nativeOutputNames[outputIndices[i]], 0);
        }

        // The reference keeps the native session alive if another thread disposes it during the run.
        bool referenced = false;
        try
        {
            session.DangerousAddRef(ref referenced);
            OrtApi api = runtime.Api;
            fixed (nint* inputNamesPointer = inputNamePointers, inputsPointer = inputValues)
            fixed (nint* outputNamesPointer = outputNamePointers, outputsPointer = outputValues)
            {
                api.ThrowIfFailed(
                    api.Run(
                        session.DangerousGetHandle(), 0, inputNamesPointer, inputsPointer, (nuint)inputValues.Length,
                        outputNamesPointer, (nuint)outputValues.Length, outputsPointer),
                    $"Running {modelDescription}");
            }
        }
        finally
        {
            if (referenced)
            {
                session.DangerousRelease();
            }
        }
    }

    private OnnxTensor ReadOutput(nint value, string name)
    {
        (TensorElementType type, long[] shape) = ReadTypeAndShape(value, name);
        int count = (int)OnnxTensor.ElementCountOf(shape);
        void* data = TensorData(value, name);
        switch (type)
        {
            case TensorElementType.Float:
                float[] floats = GC.AllocateUninitializedArray<float>(count);
                new ReadOnlySpan<float>(data, count).CopyTo(floats);
                return OnnxTensor.FromFloats(floats, shape);
            case TensorElementType.Int64:
                long[] longs = GC.AllocateUninitializedArray<long>(count);
                new ReadOnlySpan<long>(data, count).CopyTo(longs);
                return OnnxTensor.FromInt64s(longs, shape);
            default:
                throw new NotSupportedException(
                    $"Output '{name}' of {modelDescription} holds {type} elements; only Float and Int64 outputs are supported. " +
                    "Add a Cast node to the model or ask for another output.");
        }
    }

    private (TensorElementType Type, long[] Shape) ReadTypeAndShape(nint value, string name)
    {
        OrtApi api = runtime.Api;
        string operation = $"Reading output '{name}' of {modelDescription}";
        int isTensor;
        api.ThrowIfFailed(api.IsTensor(value, &isTensor), operation);
        if (isTensor == 0)
        {
            throw new NotSupportedException($"Output '{name}' of {modelDescription} is not a tensor (a sequence or map); only tensors are supported.");
        }

        nint info;
        api.ThrowIfFailed(api.GetTensorTypeAndShape(value, &info), operation);
        try
        {
            return ReadTensorInfo(info, operation);
        }
        finally
        {
            api.ReleaseTensorTypeAndShapeInfo(info);
        }
    }

    private void* TensorData(nint value, string name)
    {
        void* data;
        runtime.Api.ThrowIfFailed(runtime.Api.GetTensorMutableData(value, &data), $"Reading output '{name}' of {modelDescription}");
        return data;
    }

    private void ReleaseValues(Span<nint> values)
    {
        foreach (ref nint value in values)
        {
            if (value != 0)
            {
                runtime.Api.ReleaseValue(value);
                value = 0;
            }
        }
    }
}
