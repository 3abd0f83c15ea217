using System.Diagnostics;
using System.Runtime.InteropServices;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Imaging.Embeddings;
using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.Onnx.Models;

namespace PlaceDeMarche.Pipeline.Benchmarks;

/// <summary>
/// The ImageCnn stages' work without the pipeline around it (peer: reference/cnn/cnn_embed.mjs): every JPEG of a
/// folder embedded by one model of pipeline.yaml's <c>images.cnn</c>, on all cores, no cache; and the agreement of
/// two such outputs.
/// </summary>
internal static class CnnBenchmark
{
    /// <summary>Writes &lt;out&gt;.ids and &lt;out&gt;.f32 (raw embeddings, before the stage's row normalisation).</summary>
    public static void Run(string imagesDirectory, string model, string outPrefix)
    {
        var workspace = Workspace.Discover(Directory.GetCurrentDirectory());
        var section = $"images.cnn.{model}";
        var configuration = PipelineConfiguration.Load(Path.Combine(workspace.Root, "pipeline.yaml"));
        var parameters = configuration.Bind<ImageCnnParameters>(section);
        var recipe = parameters.Recipe(section);
        var log = new ConsoleLog(Console.Out, Console.Error, quiet: false);
        var catalogFiles = configuration.Bind<ModelCatalogEntry>($"{ModelCatalogEntry.Section}.{model}").Files;
        var resolver = ModelResolver.ForWorkspace(workspace.Root, log);
        var modelPath = resolver.Resolve(model, catalogFiles, "model");
        var preprocessPath = catalogFiles.ContainsKey(ImageCnnEmbeddingStage.PreprocessRole) ? resolver.Resolve(model, catalogFiles, ImageCnnEmbeddingStage.PreprocessRole) : null;
        var files = Directory.GetFiles(imagesDirectory, "*.jpg").Order(StringComparer.Ordinal).ToArray();
        var embeddings = new float[files.Length][];
        var clock = Stopwatch.StartNew();
        using (var embedder = new CnnEmbedder(section, modelPath, preprocessPath, parameters.Input, parameters.Outputs, recipe, parameters.BatchSize, parameters.FlipAverage,
            configuration.Bind<OnnxSettings>(OnnxSettings.Section), log))
        {
            embedder.Embed(
                [.. Enumerable.Range(0, files.Length)],
                i => File.ReadAllBytes(files[i]),
                i => files[i],
                (i, vector) => embeddings[i] = vector,
                (i, reason) => throw new InvalidDataException($"{files[i]}: {reason}"));
        }

        using (var output = File.Create(outPrefix + ".f32"))
        {
            foreach (var vector in embeddings)
            {
                output.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
            }
        }

        File.WriteAllLines(outPrefix + ".ids", files.Select(Path.GetFileName)!);
        Console.WriteLine($"ours: {files.Length} photos, {embeddings[0].Length} floats each, {model}, {clock.Elapsed.TotalSeconds:F1} s in the embedding loop");
    }

    /// <summary>Largest absolute difference and cosine similarities between two outputs of the same photos.</summary>
    public static void Compare(string first, string second)
    {
        var ids = File.ReadAllLines(first + ".ids");
        if (!ids.SequenceEqual(File.ReadAllLines(second + ".ids")))
        {
            throw new InvalidDataException($"{first}.ids and {second}.ids list different photos.");
        }

        var a = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(first + ".f32")).ToArray();
        var b = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(second + ".f32")).ToArray();
        var dimension = a.Length / ids.Length;
        double maxDifference = 0, maxValue = 0, sumCosine = 0, minCosine = 1;
        var worst = string.Empty;
        for (var i = 0; i < ids.Length; i++)
        {
            var x = a.AsSpan(i * dimension, dimension);
            var y = b.AsSpan(i * dimension, dimension);
            double dot = 0, nx = 0, ny = 0;
            for (var j = 0; j < dimension; j++)
            {
                maxDifference = Math.Max(maxDifference, Math.Abs(x[j] - y[j]));
                maxValue = Math.Max(maxValue, Math.Abs(x[j]));
                dot += (double)x[j] * y[j];
                nx += (double)x[j] * x[j];
                ny += (double)y[j] * y[j];
            }

            var cosine = dot / Math.Sqrt(nx * ny);
            sumCosine += cosine;
            if (cosine < minCosine)
            {
                (minCosine, worst) = (cosine, ids[i]);
            }
        }

        Console.WriteLine($"{ids.Length} photos, {dimension} floats: max |a - b| {maxDifference:G4} (largest |a| {maxValue:G4}); cosine mean {sumCosine / ids.Length:F6}, min {minCosine:F6} ({worst})");
    }
}
