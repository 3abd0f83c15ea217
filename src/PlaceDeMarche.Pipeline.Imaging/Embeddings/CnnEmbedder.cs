using System.Collections.Concurrent;
using System.Numerics.Tensors;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Onnx;

namespace PlaceDeMarche.Pipeline.Imaging.Embeddings;

/// <summary>
/// Embeds photos with one image model on every core: each worker decodes its photos (at the largest DCT reduction
/// that keeps the recipe's resize size), fills its batch tensor and runs the shared session with it, so with
/// single-threaded runs (<c>onnx.intra_op_threads: 1</c>) the cores run batches side by side, which also suits graphs
/// whose batch is fixed (ResNet18's is 1). Such graphs get that many images per call; the others <c>batchSize</c>.
/// </summary>
public sealed class CnnEmbedder : IDisposable
{
    private readonly CnnModelSession session;
    private readonly CnnInputRecipe recipe;
    private readonly bool flipAverage;
    private readonly ConcurrentBag<Worker> idle = [];
    private readonly int workers;
    private readonly int photosPerGroup;
    private readonly int tensorsPerCall;

    /// <exception cref="InvalidDataException">The model does not take <paramref name="recipe"/>'s input or lacks the output.</exception>
    /// <exception cref="OnnxModelException">ONNX Runtime cannot load the model.</exception>
    public CnnEmbedder(
        string label, string modelPath, string? preprocessPath, string input, IReadOnlyList<string> outputs, CnnInputRecipe recipe, int batchSize, bool flipAverage,
        OnnxSettings settings, IPipelineLog log)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        this.recipe = recipe;
        this.flipAverage = flipAverage;
        // Opened before any photo is decoded, so a bad model fails at once.
        session = CnnModelSession.Open(label, modelPath, preprocessPath, input, outputs, recipe.CropSize, settings, log);
        var fixedBatch = session.FixedBatch;
        tensorsPerCall = fixedBatch > 0 ? fixedBatch : batchSize * TensorsPerPhoto;
        photosPerGroup = Math.Max(1, tensorsPerCall / TensorsPerPhoto);
        // Runs that use several threads each (0: one per core) leave fewer cores for side-by-side batches.
        var threadsPerRun = settings.IntraOpThreads == 0 ? Environment.ProcessorCount : settings.IntraOpThreads;
        workers = Math.Max(1, Environment.ProcessorCount / threadsPerRun);
    }

    /// <summary>The provider the model runs on.</summary>
    public OnnxExecutionProvider ExecutionProvider => session.ExecutionProvider;

    /// <summary>The graph output used as the embedding.</summary>
    public string Output => session.Output;

    private int TensorsPerPhoto => flipAverage ? 2 : 1;

    /// <summary>
    /// Embeds the photos <paramref name="items"/>: <paramref name="read"/> gives a photo's bytes and <paramref name="name"/>
    /// its name for errors; each result goes to <paramref name="embedded"/>, each unreadable or undecodable photo to
    /// <paramref name="failed"/> with the reason. Callbacks run on worker threads.
    /// </summary>
    public void Embed(
        IReadOnlyList<int> items, Func<int, byte[]> read, Func<int, string> name, Action<int, float[]> embedded, Action<int, string> failed,
        CancellationToken cancellation = default)
    {
        var groups = items.Chunk(photosPerGroup).ToArray();
        Parallel.ForEach(groups, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellation }, group =>
        {
            var worker = idle.TryTake(out var free) ? free : new Worker();
            try
            {
                EmbedGroup(worker, group, read, name, embedded, failed);
            }
            finally
            {
                idle.Add(worker);
            }
        });
    }

    /// <summary>
    /// The top class of each picture by the graph's class scores <paramref name="output"/>, through the same recipe
    /// as the photos (one picture per call, which suits graphs of fixed batch too).
    /// </summary>
    /// <exception cref="InvalidDataException">The graph has no such output.</exception>
    public int[] TopClasses(IReadOnlyList<RgbImage> pictures, string output, string label)
    {
        if (!session.HasOutput(output))
        {
            throw new InvalidDataException($"{label}: the model has no output '{output}' of class scores; fix {label}.imagenet_output in pipeline.yaml (empty when the graph has no classifier).");
        }

        var tensor = new float[recipe.TensorLength];
        return [.. pictures.Select(picture =>
        {
            recipe.Fill(picture, tensor, mirrored: false);
            var scores = session.Run(tensor, 1, output);
            return TensorPrimitives.IndexOfMax(scores);
        })];
    }

    public void Dispose() => session.Dispose();

    private void EmbedGroup(Worker worker, int[] group, Func<int, byte[]> read, Func<int, string> name, Action<int, float[]> embedded, Action<int, string> failed)
    {
        var length = recipe.TensorLength;
        var tensors = worker.Buffer(photosPerGroup * TensorsPerPhoto * length);
        var decoded = new List<int>(group.Length);
        var decodeOptions = new DecodeOptions { MinShortSide = recipe.ResizeShorter };
        foreach (var item in group)
        {
            try
            {
                var image = ImageDecoder.Decode(read(item), decodeOptions, name(item));
                var slot = decoded.Count * TensorsPerPhoto;
                recipe.Fill(image, tensors.AsSpan(slot * length, length), mirrored: false);
                if (flipAverage)
                {
                    recipe.Fill(image, tensors.AsSpan((slot + 1) * length, length), mirrored: true);
                }

                decoded.Add(item);
            }
            catch (Exception e) when (e is ImageDecodeException or IOException or UnauthorizedAccessException)
            {
                failed(item, e is ImageDecodeException decode ? decode.Reason : $"cannot read {name(item)}: {e.Message}");
            }
        }

        var count = decoded.Count * TensorsPerPhoto;
        var outputs = new List<float>();
        for (var start = 0; start < count; start += tensorsPerCall)
        {
            var call = Math.Min(tensorsPerCall, count - start);
            outputs.AddRange(session.Run(tensors.AsMemory(start * length), call));
        }

        if (decoded.Count == 0)
        {
            return;
        }

        var features = outputs.Count / count;
        for (var p = 0; p < decoded.Count; p++)
        {
            var vector = outputs.GetRange(p * TensorsPerPhoto * features, features).ToArray();
            if (flipAverage)
            {
                var mirrored = outputs.GetRange((p * TensorsPerPhoto + 1) * features, features).ToArray();
                TensorPrimitives.Add(vector, mirrored, vector);
                TensorPrimitives.Multiply(vector, 0.5f, vector);
            }

            embedded(decoded[p], vector);
        }
    }

    /// <summary>A worker's reusable input tensor.</summary>
    private sealed class Worker
    {
        private float[] buffer = [];

        public float[] Buffer(int length)
        {
            if (buffer.Length < length)
            {
                buffer = new float[length];
            }

            return buffer;
        }
    }
}
