using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace PlaceDeMarche.Pipeline.Numerics.Compute;

/// <summary>
/// One ILGPU context and accelerator, opened once per run and shared by every kernel. ILGPU does not promise that
/// one accelerator may be driven from several threads at once (the protocol runs seeds and restarts in parallel),
/// so every upload, launch and download goes through <see cref="Gate"/>.
/// </summary>
internal sealed class IlgpuDevice : IDisposable
{
    private readonly Context _context;

    private IlgpuDevice(Context context, Accelerator accelerator, string kind)
    {
        _context = context;
        Accelerator = accelerator;
        Kind = kind;
    }

    public Accelerator Accelerator { get; }

    /// <summary><c>cuda</c>, <c>opencl</c> or <c>cpu</c>.</summary>
    public string Kind { get; }

    public string DeviceName => Accelerator.Name;

    public Lock Gate { get; } = new();

    /// <summary>The first CUDA GPU, else the first OpenCL GPU, that runs a double-precision kernel; null when there is
    /// none (no driver, no device, or a device the kernels cannot run on), with the reason.</summary>
    public static IlgpuDevice? TryOpenGpu(out string reason)
    {
        Context? context = null;
        try
        {
            context = Context.Create(builder => builder
                .Cuda()
                .OpenCL(device => device.DeviceType == CLDeviceType.CL_DEVICE_TYPE_GPU));
            var device = context.Devices.FirstOrDefault(d => d.AcceleratorType == AcceleratorType.Cuda)
                ?? context.Devices.FirstOrDefault(d => d.AcceleratorType == AcceleratorType.OpenCL);
            if (device is null)
            {
                reason = "ILGPU finds no CUDA or OpenCL GPU";
                context.Dispose();
                return null;
            }

            var opened = new IlgpuDevice(context, device.CreateAccelerator(context), device.AcceleratorType == AcceleratorType.Cuda ? "cuda" : "opencl");
            opened.SelfTest();
            reason = $"ILGPU found {opened.DeviceName}";
            return opened;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A driver that fails to load or a device that cannot compile the kernels is "no GPU", never a failed run.
            reason = $"no usable GPU: {exception.GetType().Name}: {exception.Message}";
            context?.Dispose();
            return null;
        }
    }

    /// <summary>ILGPU's CPU accelerator: the kernels run as .NET code on the processor's threads.</summary>
    public static IlgpuDevice OpenCpu()
    {
        var context = Context.Create(builder => builder.DefaultCPU());
        return new IlgpuDevice(context, context.GetCPUDevice(0).CreateAccelerator(context), "cpu");
    }

    /// <summary>Compiles and runs a tiny double-precision kernel: a GPU without double support fails here, at opening,
    /// rather than in the middle of a stage.</summary>
    private void SelfTest()
    {
        var kernel = Accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>>(HalfKernel);
        using var buffer = Accelerator.Allocate1D(new[] { 1.0, 2.0 });
        kernel((int)buffer.Length, buffer.View);
        Accelerator.Synchronize();
        var values = buffer.GetAsArray1D();
        if (values[0] != 0.5 || values[1] != 1.0)
        {
            throw new InvalidOperationException($"{DeviceName} computed {values[0]} and {values[1]} instead of 0.5 and 1.");
        }
    }

    private static void HalfKernel(Index1D index, ArrayView<double> values) => values[index] *= 0.5;

    public void Dispose()
    {
        Accelerator.Dispose();
        _context.Dispose();
    }
}
