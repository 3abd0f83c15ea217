namespace PlaceDeMarche.Pipeline.Onnx;

/// <summary>A model could not be loaded or run; the message names the model and says what to do.</summary>
public sealed class OnnxModelException : Exception
{
    public OnnxModelException(string message)
        : base(message)
    {
    }

    public OnnxModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
