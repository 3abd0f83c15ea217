using PlaceDeMarche.Pipeline.Numerics.Clustering;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Imaging.Features.VisualWords;

/// <summary>A visual vocabulary: mini-batch k-means centres of local descriptors sampled across images.</summary>
public sealed class VisualVocabulary
{
    private readonly KMeansResult _model;

    private VisualVocabulary(KMeansResult model, int trainingDescriptors)
    {
        _model = model;
        TrainingDescriptors = trainingDescriptors;
    }

    /// <summary>Word centres (words × descriptor length).</summary>
    public DenseMatrix Centroids => _model.Centroids;

    /// <summary>Number of words.</summary>
    public int WordCount => _model.Centroids.Rows;

    /// <summary>Descriptor length.</summary>
    public int DescriptorLength => _model.Centroids.Columns;

    /// <summary>Descriptors the k-means was trained on (after sampling).</summary>
    public int TrainingDescriptors { get; }

    /// <summary>
    /// Trains on the descriptors of all images (<paramref name="descriptorsPerImage"/>[i] holds image i's descriptors
    /// back to back, <paramref name="descriptorLength"/> floats each); same inputs and seed give the same vocabulary.
    /// </summary>
    public static VisualVocabulary Build(IReadOnlyList<float[]> descriptorsPerImage, int descriptorLength, VisualVocabularyOptions options)
    {
        ArgumentNullException.ThrowIfNull(descriptorsPerImage);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(descriptorLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.WordCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxTrainingDescriptors);
        var owners = new List<(int Image, int Row)>();
        for (var image = 0; image < descriptorsPerImage.Count; image++)
        {
            var values = descriptorsPerImage[image];
            if (values.Length % descriptorLength != 0)
            {
                throw new ArgumentException($"Image {image} has {values.Length} descriptor values, not a multiple of {descriptorLength}.", nameof(descriptorsPerImage));
            }

            for (var row = 0; row < values.Length / descriptorLength; row++)
            {
                owners.Add((image, row));
            }
        }

        if (owners.Count < options.WordCount)
        {
            throw new ArgumentException($"{owners.Count} descriptors cannot form {options.WordCount} visual words; lower WordCount or extract more features.", nameof(descriptorsPerImage));
        }

        var sampleSize = Math.Min(options.MaxTrainingDescriptors, owners.Count);
        var chosen = Sample(owners.Count, sampleSize, options.Seed);
        var data = new DenseMatrix(sampleSize, descriptorLength);
        for (var i = 0; i < sampleSize; i++)
        {
            var (image, row) = owners[chosen[i]];
            descriptorsPerImage[image].AsSpan(row * descriptorLength, descriptorLength).CopyTo(data.Row(i));
        }

        var model = MiniBatchKMeans.Fit(data, new MiniBatchKMeansOptions
        {
            ClusterCount = options.WordCount,
            BatchSize = options.BatchSize,
            ComputeLabels = false,
            Seed = options.Seed,
        });
        return new VisualVocabulary(model, sampleSize);
    }

    /// <summary>Nearest word (lowest index on ties) of each descriptor in <paramref name="descriptors"/>.</summary>
    public int[] Quantize(float[] descriptors)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        if (descriptors.Length % DescriptorLength != 0)
        {
            throw new ArgumentException($"{descriptors.Length} values is not a whole number of {DescriptorLength}-long descriptors.", nameof(descriptors));
        }

        return descriptors.Length == 0 ? [] : _model.Predict(new DenseMatrix(descriptors.Length / DescriptorLength, DescriptorLength, descriptors));
    }

    /// <summary>Sorted random subset of [0, population) of the given size (partial Fisher–Yates), all when it fits.</summary>
    private static int[] Sample(int population, int size, int seed)
    {
        var indices = new int[population];
        for (var i = 0; i < population; i++)
        {
            indices[i] = i;
        }

        if (size < population)
        {
            var random = new Xoshiro256StarStar((ulong)seed);
            for (var i = 0; i < size; i++)
            {
                var j = i + random.NextInt(population - i);
                (indices[i], indices[j]) = (indices[j], indices[i]);
            }
        }

        var chosen = indices.AsSpan(0, size).ToArray();
        Array.Sort(chosen);
        return chosen;
    }
}
