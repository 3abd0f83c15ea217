using System.ComponentModel.DataAnnotations;
using PlaceDeMarche.Pipeline.Numerics.Compute;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>The <c>numerics</c> section of pipeline.yaml: where PCA, t-SNE and KMeans run.</summary>
public sealed class NumericsParameters
{
    /// <summary><c>auto</c> (a CUDA/OpenCL GPU through ILGPU when there is one, else the CPU SIMD code), <c>cpu</c> or
    /// <c>ilgpu</c> (the ILGPU kernels, on ILGPU's CPU accelerator when there is no GPU).</summary>
    [AllowedValues("auto", "cpu", "ilgpu")]
    public string Backend { get; set; } = "auto";

    /// <summary>The backend <see cref="Backend"/> names.</summary>
    public NumericsBackend Choice() => Backend switch
    {
        "auto" => NumericsBackend.Auto,
        "cpu" => NumericsBackend.Cpu,
        "ilgpu" => NumericsBackend.Ilgpu,
        _ => throw new ArgumentException($"numerics.backend must be auto, cpu or ilgpu, not '{Backend}'."),
    };

    /// <summary>Opens (once per run) the backend this section asks for, logs which one runs and why, and publishes it
    /// as <c>numerics.backend</c> and <c>numerics.backend_device</c>.</summary>
    internal ComputeBackend OpenForRun(Core.Stages.StageContext context)
    {
        var backend = ComputeBackend.ForRun(Choice());
        context.PublishMetric("numerics.backend", backend.Name);
        context.PublishMetric("numerics.backend_device", backend.DeviceName);
        context.Log.Info($"{context.Stage.Name}: numerics on {backend.Name} ({backend.DeviceName}); {backend.Reason}");
        return backend;
    }
}
