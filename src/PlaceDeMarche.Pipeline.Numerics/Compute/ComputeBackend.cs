using System.Collections.Concurrent;

namespace PlaceDeMarche.Pipeline.Numerics.Compute;

/// <summary>
/// Where the numerics' heavy kernels run: the CPU SIMD code, or ILGPU kernels on a CUDA/OpenCL GPU or on ILGPU's CPU
/// accelerator. Each kernel family (KMeans assignment and update, t-SNE gradient terms, PCA products) opens its CPU
/// or ILGPU implementation from it, bound to its data. A missing GPU never fails: <see cref="NumericsBackend.Auto"/> falls
/// back to the CPU code and <see cref="NumericsBackend.Ilgpu"/> to ILGPU's CPU accelerator, and
/// <see cref="Reason"/> says why.
/// </summary>
public sealed class ComputeBackend : IDisposable
{
    private static readonly ConcurrentDictionary<NumericsBackend, Lazy<ComputeBackend>> Shared = new();

    private readonly IlgpuDevice? _device;

    private ComputeBackend(IlgpuDevice? device, string reason)
    {
        _device = device;
        Reason = reason;
    }

    /// <summary>The CPU SIMD code (nothing to open or dispose).</summary>
    public static ComputeBackend Cpu { get; } = new(null, "numerics.backend: cpu");

    /// <summary><c>cpu</c>, <c>ilgpu-cuda</c>, <c>ilgpu-opencl</c> or <c>ilgpu-cpu</c> (the run summary's
    /// <c>numerics.backend</c>).</summary>
    public string Name => _device is null ? "cpu" : $"ilgpu-{_device.Kind}";

    /// <summary>The ILGPU accelerator's name, or <c>SIMD</c> for the CPU code.</summary>
    public string DeviceName => _device?.DeviceName ?? "SIMD";

    /// <summary>Why this backend runs (what was asked, what was found).</summary>
    public string Reason { get; }

    /// <summary>True when the kernels run through ILGPU (then KMeans computes every distance: Hamerly's bounds are a
    /// branchy per-row saving that only pays on the CPU).</summary>
    public bool IsIlgpu => _device is not null;

    /// <summary>Opens the backend <paramref name="choice"/> asks for; dispose it at the end of the run.</summary>
    public static ComputeBackend Create(NumericsBackend choice)
    {
        switch (choice)
        {
            case NumericsBackend.Cpu:
                return Cpu;
            case NumericsBackend.Auto:
            {
                var gpu = IlgpuDevice.TryOpenGpu(out var found);
                return gpu is null
                    ? new ComputeBackend(null, $"numerics.backend: auto: {found}, so the CPU SIMD code")
                    : new ComputeBackend(gpu, $"numerics.backend: auto: {found}");
            }

            case NumericsBackend.Ilgpu:
            {
                var gpu = IlgpuDevice.TryOpenGpu(out var found);
                return gpu is null
                    ? new ComputeBackend(IlgpuDevice.OpenCpu(), $"numerics.backend: ilgpu: {found}, so ILGPU's CPU accelerator (slow, for checking the kernels)")
                    : new ComputeBackend(gpu, $"numerics.backend: ilgpu: {found}");
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(choice), choice, "Unknown numerics backend.");
        }
    }

    /// <summary>The run's backend for <paramref name="choice"/>: opened by the first stage that asks, shared by the
    /// stages of the same process, disposed when the process exits.</summary>
    public static ComputeBackend ForRun(NumericsBackend choice) =>
        Shared.GetOrAdd(choice, key => new Lazy<ComputeBackend>(() =>
        {
            var backend = Create(key);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => backend.Dispose();
            return backend;
        })).Value;

    /// <summary>The ILGPU accelerator, or null for the CPU code. Each kernel family picks its implementation from it
    /// (<see cref="Clustering.IKMeansKernels"/>, <see cref="Manifold.ITSneGradientKernels"/>,
    /// <see cref="Decomposition.IMatrixProducts"/>), so that a family's code never reaches another's.</summary>
    internal IlgpuDevice? Device => _device;

    public void Dispose() => _device?.Dispose();
}
