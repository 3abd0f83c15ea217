using PlaceDeMarche.Pipeline.Numerics.Clustering;
using PlaceDeMarche.Pipeline.Numerics.Compute;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;
using PlaceDeMarche.Pipeline.Numerics.Tests.Compute;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Clustering;

/// <summary>The ILGPU KMeans kernels against the CPU code, on ILGPU's CPU accelerator here.</summary>
[Collection(IlgpuCollection.Name)]
public class IlgpuKMeansKernelsTests(IlgpuBackendFixture fixture)
{
    [Fact]
    public void AssignmentsEqualTheCpuCodeAndDistancesAgreeToFloatRounding()
    {
        var (data, _) = Blobs(rows: 400, dimensions: 24, seed: 3);
        var centroids = RandomRows(data, 5, seed: 8);
        using var cpu = IKMeansKernels.Open(ComputeBackend.Cpu, data, 5);
        using var ilgpu = IKMeansKernels.Open(fixture.Backend, data, 5);
        int[] cpuLabels = new int[data.Rows], ilgpuLabels = new int[data.Rows];
        double[] cpuDistances = new double[data.Rows], ilgpuDistances = new double[data.Rows];

        var cpuInertia = cpu.Assign(centroids, cpuLabels, cpuDistances);
        var ilgpuInertia = ilgpu.Assign(centroids, ilgpuLabels, ilgpuDistances);

        Assert.Equal(cpuLabels, ilgpuLabels);
        for (var i = 0; i < data.Rows; i++)
        {
            // 24 float squares summed in another order: a few float ulps.
            Assert.Equal(cpuDistances[i], ilgpuDistances[i], 1e-5 * cpuDistances[i]);
        }

        Assert.Equal(cpuInertia, ilgpuInertia, 1e-6 * cpuInertia);
    }

    [Fact]
    public void ClusterSumsEqualTheCpuCodeToDoubleRounding()
    {
        // 2,500 rows: three chunks of partial sums on the device, added in chunk order.
        var (data, labels) = Blobs(rows: 2500, dimensions: 12, seed: 5);
        using var cpu = IKMeansKernels.Open(ComputeBackend.Cpu, data, 4);
        using var ilgpu = IKMeansKernels.Open(fixture.Backend, data, 4);
        double[] cpuSums = new double[4 * 12], ilgpuSums = new double[4 * 12];

        cpu.SumByCluster(labels, cpuSums);
        ilgpu.SumByCluster(labels, ilgpuSums);

        for (var e = 0; e < cpuSums.Length; e++)
        {
            Assert.Equal(cpuSums[e], ilgpuSums[e], 1e-12 * Math.Max(1.0, Math.Abs(cpuSums[e])));
        }
    }

    [Fact]
    public void KMeansOnIlgpuGivesTheCpuClustering()
    {
        var (data, _) = SyntheticData.FarBlobs(16, 100, 11);
        var options = new KMeansOptions { ClusterCount = 3, InitCount = 4, Seed = 2 };

        var cpu = KMeans.Fit(data, options);
        var ilgpu = KMeans.Fit(data, options, fixture.Backend);

        Assert.Equal(cpu.Labels.ToArray(), ilgpu.Labels.ToArray());
        Assert.Equal(cpu.Inertia, ilgpu.Inertia, 1e-6 * cpu.Inertia);
    }

    /// <summary>Four overlapping blobs (labels 0-3), so some rows sit near the boundaries between centroids.</summary>
    private static (DenseMatrix Data, int[] Labels) Blobs(int rows, int dimensions, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var centres = new float[4][];
        for (var b = 0; b < 4; b++)
        {
            centres[b] = new float[dimensions];
            for (var j = 0; j < dimensions; j++)
            {
                centres[b][j] = (float)(3 * random.NextGaussian());
            }
        }

        return SyntheticData.Blobs(centres, rows / 4, 2.0, seed + 1);
    }

    private static float[] RandomRows(DenseMatrix data, int count, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var centroids = new float[count * data.Columns];
        for (var c = 0; c < count; c++)
        {
            data.Row(random.NextInt(data.Rows)).CopyTo(centroids.AsSpan(c * data.Columns));
        }

        return centroids;
    }
}
