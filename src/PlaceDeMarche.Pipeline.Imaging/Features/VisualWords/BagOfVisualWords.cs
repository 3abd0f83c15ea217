namespace PlaceDeMarche.Pipeline.Imaging.Features.VisualWords;

/// <summary>Per-image histograms of visual words, optionally TF-IDF weighted and normalised.</summary>
public static class BagOfVisualWords
{
    /// <summary>
    /// One row per image (length <paramref name="wordCount"/>): word counts, weighted and normalised as asked. An
    /// image without descriptors gives a zero row. The idf is computed over the images given here.
    /// </summary>
    public static float[][] Encode(IReadOnlyList<int[]> wordsPerImage, int wordCount, VisualWordWeighting weighting, VisualWordNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(wordsPerImage);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordCount);
        var rows = new float[wordsPerImage.Count][];
        var documentFrequency = new int[wordCount];
        for (var image = 0; image < rows.Length; image++)
        {
            var row = new float[wordCount];
            foreach (var word in wordsPerImage[image])
            {
                if ((uint)word >= (uint)wordCount)
                {
                    throw new ArgumentOutOfRangeException(nameof(wordsPerImage), $"Image {image} has word {word}, outside [0, {wordCount}).");
                }

                if (row[word] == 0)
                {
                    documentFrequency[word]++;
                }

                row[word]++;
            }

            rows[image] = row;
        }

        if (weighting == VisualWordWeighting.TfIdf)
        {
            var idf = new float[wordCount];
            for (var word = 0; word < wordCount; word++)
            {
                idf[word] = (float)(Math.Log((1.0 + rows.Length) / (1.0 + documentFrequency[word])) + 1);
            }

            foreach (var row in rows)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, idf, row);
            }
        }

        foreach (var row in rows)
        {
            Normalize(row, normalization);
        }

        return rows;
    }

    private static void Normalize(Span<float> row, VisualWordNormalization normalization)
    {
        var total = normalization switch
        {
            VisualWordNormalization.None => 1f,
            VisualWordNormalization.L1 => System.Numerics.Tensors.TensorPrimitives.Sum(row),
            VisualWordNormalization.L2 => System.Numerics.Tensors.TensorPrimitives.Norm(row),
            _ => throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "Unknown normalisation."),
        };
        if (total > 0 && total != 1f)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(row, 1f / total, row);
        }
    }
}
