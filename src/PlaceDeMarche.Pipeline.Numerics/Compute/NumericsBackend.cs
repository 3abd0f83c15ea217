namespace PlaceDeMarche.Pipeline.Numerics.Compute;

/// <summary>Where PCA, t-SNE and KMeans run (<c>numerics.backend</c> in pipeline.yaml).</summary>
public enum NumericsBackend
{
    /// <summary>A CUDA or OpenCL GPU when ILGPU finds a usable one, else the CPU SIMD code.</summary>
    Auto,

    /// <summary>The CPU SIMD code, always.</summary>
    Cpu,

    /// <summary>The ILGPU kernels, on a GPU when there is one, else on ILGPU's CPU accelerator (slow; a correctness
    /// check of the kernels).</summary>
    Ilgpu,
}
