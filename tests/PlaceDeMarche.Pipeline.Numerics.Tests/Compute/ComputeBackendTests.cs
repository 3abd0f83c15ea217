using PlaceDeMarche.Pipeline.Numerics.Compute;
using PlaceDeMarche.Pipeline.Numerics.Stages;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Compute;

[Collection(IlgpuCollection.Name)]
public class ComputeBackendTests(IlgpuBackendFixture fixture)
{
    [Fact]
    public void CpuIsTheSimdCode()
    {
        using var backend = ComputeBackend.Create(NumericsBackend.Cpu);

        Assert.Equal("cpu", backend.Name);
        Assert.False(backend.IsIlgpu);
    }

    [Fact]
    public void IlgpuAlwaysOpensAndFallsBackToTheCpuAcceleratorWithoutAGpu()
    {
        var backend = fixture.Backend;

        Assert.True(backend.IsIlgpu);
        Assert.Contains(backend.Name, new[] { "ilgpu-cuda", "ilgpu-opencl", "ilgpu-cpu" });
        if (backend.Name == "ilgpu-cpu")
        {
            Assert.Contains("CPU accelerator", backend.Reason);
        }
    }

    [Fact]
    public void AutoUsesAGpuOrTheCpuCodeButNeverTheCpuAccelerator()
    {
        using var backend = ComputeBackend.Create(NumericsBackend.Auto);

        Assert.Contains(backend.Name, new[] { "cpu", "ilgpu-cuda", "ilgpu-opencl" });
        if (backend.Name == "cpu")
        {
            Assert.Contains("CPU SIMD code", backend.Reason);
        }
    }

    [Theory]
    [InlineData("auto", NumericsBackend.Auto)]
    [InlineData("cpu", NumericsBackend.Cpu)]
    [InlineData("ilgpu", NumericsBackend.Ilgpu)]
    public void TheSettingNamesTheBackend(string setting, NumericsBackend expected) =>
        Assert.Equal(expected, new NumericsParameters { Backend = setting }.Choice());

    [Fact]
    public void AnUnknownSettingIsRefusedWithTheAllowedValues()
    {
        var error = Assert.Throws<ArgumentException>(() => new NumericsParameters { Backend = "gpu" }.Choice());

        Assert.Contains("auto, cpu or ilgpu", error.Message);
    }
}
