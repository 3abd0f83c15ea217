using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using PlaceDeMarche.Pipeline.Numerics.Clustering;
using PlaceDeMarche.Pipeline.Numerics.Compute;
using PlaceDeMarche.Pipeline.Numerics.Decomposition;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Manifold;
using PlaceDeMarche.Pipeline.Numerics.Metrics;
using PlaceDeMarche.Pipeline.Numerics.Stages;

namespace PlaceDeMarche.Pipeline.Benchmarks;

/// <summary>
/// Ours in the <c>numerics</c> pair (benchmarks/numerics.py): one algorithm on generated blobs, with the same settings
/// as benchmarks/reference/numerics.py, printing one JSON line of quality figures. The blobs file is
/// int32 rows, int32 columns, then rows × columns float32 (row-major); the labels file beside it holds rows int32.
/// </summary>
internal static class NumericsBenchmark
{
    private const int Components = 50;
    private const int Clusters = 7;
    private const int Restarts = 10;

    public static void Run(string algorithm, string blobsPath, IReadOnlyList<string> settings)
    {
        var (data, labels) = ReadBlobs(blobsPath);
        using var backend = ComputeBackend.Create(BackendSetting(settings));
        var figures = new Dictionary<string, object> { ["algorithm"] = algorithm, ["n"] = data.Rows, ["d"] = data.Columns, ["backend"] = backend.Name };
        switch (algorithm)
        {
            case "pca":
                var pca = Pca.Fit(data, PcaOptions.WithComponentCount(Math.Min(Components, data.Columns)), backend);
                figures["explained_variance_ratio"] = pca.ExplainedVarianceRatio.Sum();
                break;
            case "tsne":
                var clock = Stopwatch.StartNew();
                var phases = new Dictionary<string, double>();
                var reduced = Pca.Fit(data, PcaOptions.WithComponentCount(Math.Min(Components, data.Columns)), backend).Projection;
                phases["pca"] = Lap(clock);
                var options = new TSneOptions
                {
                    Initialization = TSneInitialization.Pca,
                    Seed = 0,
                    Method = MethodSetting(settings),
                    ExactNeighboursLimit = IntegerSetting(settings, "exact_neighbours_limit=") ?? new TSneOptions().ExactNeighboursLimit,
                };
                var affinities = TSneAffinities.Compute(reduced, options);
                phases["affinities"] = Lap(clock);
                var tsne = TSne.Fit(reduced, affinities, options, backend);
                phases["optimisation"] = Lap(clock);
                var embeddingClusters = KMeans.Fit(tsne.Embedding, new KMeansOptions { ClusterCount = Clusters, InitCount = Restarts, Seed = 0 }, backend);
                figures["kl_divergence"] = tsne.KullbackLeiblerDivergence;
                figures["iterations"] = tsne.Iterations;
                figures["method"] = options.ResolveMethod(data.Rows).ToString();
                figures["neighbour_search"] = affinities.Search.ToString();
                figures["neighbour_recall"] = affinities.NeighbourRecall;
                figures["phase_seconds"] = phases;
                figures["ari"] = AdjustedRandIndex.Compute(labels, embeddingClusters.Labels.ToArray());
                break;
            case "kmeans":
                var kmeans = KMeans.Fit(data, new KMeansOptions { ClusterCount = Clusters, InitCount = Restarts, Seed = 0 }, backend);
                figures["inertia"] = kmeans.Inertia;
                figures["ari"] = AdjustedRandIndex.Compute(labels, kmeans.Labels.ToArray());
                break;
            default:
                throw new ArgumentException($"Unknown numerics algorithm '{algorithm}': use pca, tsne or kmeans.");
        }

        Console.WriteLine(JsonSerializer.Serialize(figures));
    }

    /// <summary><c>method=auto|exact|barnes_hut</c> among the extra arguments (auto when absent).</summary>
    private static TSneMethod MethodSetting(IReadOnlyList<string> settings) =>
        Setting(settings, "method=") is { } value ? TSneMethods.Parse(value, "method=") : TSneMethod.Auto;

    /// <summary>Seconds since the last lap, the clock restarted.</summary>
    private static double Lap(Stopwatch clock)
    {
        var seconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
        clock.Restart();
        return seconds;
    }

    /// <summary>An integer <c>name=value</c> among the extra arguments, or null when absent.</summary>
    private static int? IntegerSetting(IReadOnlyList<string> settings, string prefix) =>
        Setting(settings, prefix) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;

    /// <summary>The value of the first extra argument starting with <paramref name="prefix"/>, or null.</summary>
    private static string? Setting(IReadOnlyList<string> settings, string prefix) =>
        settings.FirstOrDefault(s => s.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];

    /// <summary><c>backend=auto|cpu|ilgpu</c> among the extra arguments (cpu when absent: the figures of
    /// docs/scaling.md are the CPU code's).</summary>
    private static NumericsBackend BackendSetting(IReadOnlyList<string> settings) =>
        Setting(settings, "backend=") is { } value ? new NumericsParameters { Backend = value }.Choice() : NumericsBackend.Cpu;

    private static (DenseMatrix Data, int[] Labels) ReadBlobs(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Blobs file not found: {Path.GetFullPath(path)} (benchmarks/numerics.py writes it).");
        }

        using var stream = File.OpenRead(path);
        Span<int> shape = stackalloc int[2];
        stream.ReadExactly(MemoryMarshal.AsBytes(shape));
        var data = new DenseMatrix(shape[0], shape[1]);
        stream.ReadExactly(MemoryMarshal.AsBytes(data.Data.AsSpan()));
        var labelsPath = Path.ChangeExtension(path, ".labels");
        var labels = new int[shape[0]];
        using (var labelStream = File.OpenRead(labelsPath))
        {
            labelStream.ReadExactly(MemoryMarshal.AsBytes(labels.AsSpan()));
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {data.Rows} x {data.Columns} blobs"));
        return (data, labels);
    }
}
