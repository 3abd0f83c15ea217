using System.Diagnostics;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Numerics.Decomposition;
using PlaceDeMarche.Pipeline.Numerics.Evaluation;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Manifold;
using PlaceDeMarche.Pipeline.Numerics.Stages;

namespace PlaceDeMarche.Pipeline.Benchmarks;

/// <summary>
/// The clustering stage's cost on one feature table: t-SNE (PCA 50, random init, seed 0) timed alone, three full
/// runs (the first pays the JIT) and its setup, then the whole scoring protocol over 10 seeds with random init, with
/// the ARI spread those seeds give.
/// </summary>
internal static class TSneSeedsBenchmark
{
    private const int SeedCount = 10;
    private const int TimedRuns = 3;

    public static void Run(string featuresPath)
    {
        if (!File.Exists(featuresPath))
        {
            throw new FileNotFoundException($"Feature table not found: {Path.GetFullPath(featuresPath)} (a text/*.parquet artifact of the pipeline).");
        }

        var table = FeatureTable.Read(featuresPath);
        var (_, categories) = table.CategoryCodes();
        var matrix = DenseMatrix.FromRows(table.Vectors);
        var pca = Pca.Fit(matrix, PcaOptions.WithComponentCount(50));

        var process = Process.GetCurrentProcess();
        var tsneOptions = new TSneOptions { Initialization = TSneInitialization.Random, Seed = 0 };
        for (var run = 1; run <= TimedRuns; run++)
        {
            var (wall, cpu, tsne) = Timed(process, () => TSne.Fit(pca.Projection, tsneOptions));
            Console.WriteLine($"t-SNE {matrix.Rows} x {pca.ComponentCount} run {run}: {wall:F3} s wall, {cpu:F3} s CPU, KL {tsne.KullbackLeiblerDivergence:F4} after {tsne.Iterations} iterations");
        }

        var (setupWall, setupCpu, _) = Timed(process, () => TSne.Fit(pca.Projection, tsneOptions with { MaxIterations = 1 }));
        Console.WriteLine($"t-SNE setup after the runs (affinities + 1 iteration): {setupWall:F3} s wall, {setupCpu:F3} s CPU");

        // The study's protocol as pipeline.yaml sets it, with this benchmark's seed count and random t-SNE starts.
        var analysis = PipelineConfiguration.Load(Path.Combine(Workspace.Discover(Directory.GetCurrentDirectory()).Root, "pipeline.yaml")).Bind<AnalysisParameters>("analysis");
        var options = analysis.ToScoringOptions() with { Seeds = SeedCount, TSneInitialization = TSneInitialization.Random };
        var (seedsWall, seedsCpu, scores) = Timed(process, () => ScoringProtocol.ScoreOverSeeds(matrix, categories, options, seed: 0));
        Console.WriteLine($"ScoreOverSeeds x {SeedCount}: {seedsWall:F3} s wall, {seedsCpu:F3} s CPU, ARI {scores.Mean(r => r.AdjustedRandIndex):F4} ± {scores.StandardDeviation(r => r.AdjustedRandIndex):F4}, KL mean {scores.Mean(r => r.KullbackLeiblerDivergence):F4}");
        Console.WriteLine($"ARI per seed: {string.Join(' ', scores.Runs.Select(r => r.AdjustedRandIndex.ToString("F4")))}");
    }

    private static (double WallSeconds, double CpuSeconds, T Result) Timed<T>(Process process, Func<T> work)
    {
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = work();
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpuBefore).TotalSeconds, result);
    }
}
