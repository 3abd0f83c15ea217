using PlaceDeMarche.Pipeline.Numerics.Compute;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Compute;

/// <summary>One ILGPU backend for all the kernel tests: a GPU when the machine has one, else ILGPU's CPU accelerator
/// (on these machines), which runs the same kernels.</summary>
public sealed class IlgpuBackendFixture : IDisposable
{
    public ComputeBackend Backend { get; } = ComputeBackend.Create(NumericsBackend.Ilgpu);

    public void Dispose() => Backend.Dispose();
}
