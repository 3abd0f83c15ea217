namespace PlaceDeMarche.Pipeline.Onnx;

/// <summary>A failure reported by ONNX Runtime (an <c>OrtStatus</c>), with the runtime's own message.</summary>
public sealed class OnnxRuntimeException : Exception
{
    /// <summary>Creates the exception for a runtime failure that happened while doing <paramref name="operation"/>.</summary>
    /// <param name="errorCode">The runtime's error category.</param>
    /// <param name="runtimeMessage">The runtime's message, verbatim.</param>
    /// <param name="operation">What we asked the runtime to do, e.g. "Creating a session from model.onnx".</param>
    public OnnxRuntimeException(OnnxRuntimeErrorCode errorCode, string runtimeMessage, string operation)
        : base($"{operation} failed: ONNX Runtime reported {errorCode}: {runtimeMessage}")
    {
        ErrorCode = errorCode;
        RuntimeMessage = runtimeMessage;
    }

    /// <summary>The runtime's error category.</summary>
    public OnnxRuntimeErrorCode ErrorCode { get; }

    /// <summary>The runtime's message, verbatim.</summary>
    public string RuntimeMessage { get; }
}
