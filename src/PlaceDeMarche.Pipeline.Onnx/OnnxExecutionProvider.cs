namespace PlaceDeMarche.Pipeline.Onnx;

/// <summary>Where ONNX Runtime runs a model.</summary>
public enum OnnxExecutionProvider
{
    /// <summary>The CPU provider, in every ONNX Runtime package.</summary>
    Cpu,

    /// <summary>NVIDIA GPUs; needs the Gpu package (<c>-p:OnnxRuntimeFlavor=Gpu</c>), a GPU and its CUDA libraries.</summary>
    Cuda,
}
