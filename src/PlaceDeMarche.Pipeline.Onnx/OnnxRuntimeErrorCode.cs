namespace PlaceDeMarche.Pipeline.Onnx;

/// <summary>ONNX Runtime's <c>OrtErrorCode</c>: the category of a failure the runtime reported.</summary>
public enum OnnxRuntimeErrorCode
{
    /// <summary>No error.</summary>
    Ok = 0,
    /// <summary>Unspecified failure.</summary>
    Fail = 1,
    /// <summary>An argument (input name, type, shape...) was rejected.</summary>
    InvalidArgument = 2,
    /// <summary>A file does not exist.</summary>
    NoSuchFile = 3,
    /// <summary>No model was loaded.</summary>
    NoModel = 4,
    /// <summary>Internal engine failure.</summary>
    EngineError = 5,
    /// <summary>An exception was raised while running a kernel.</summary>
    RuntimeException = 6,
    /// <summary>The model bytes are not a valid ONNX protobuf.</summary>
    InvalidProtobuf = 7,
    /// <summary>A model was already loaded.</summary>
    ModelLoaded = 8,
    /// <summary>The operation or operator is not implemented.</summary>
    NotImplemented = 9,
    /// <summary>The graph is invalid (unknown operator, type mismatch, dangling input...).</summary>
    InvalidGraph = 10,
    /// <summary>An execution provider failed.</summary>
    ExecutionProviderFailure = 11,
}
