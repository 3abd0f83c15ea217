using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>
/// What one shard of ImageSift extracted, everything the visual vocabulary needs: one row per usable photo of the
/// shard, in the shard's index order, with columns any Parquet reader types without our code:
/// <list type="bullet">
/// <item><c>id</c> VARCHAR and <c>keypoints</c> INTEGER, the photo's keypoint count k (strongest keypoint first);</item>
/// <item><c>x</c>, <c>y</c>, <c>scale</c>, <c>angle</c>, <c>response</c>: FLOAT[] of k values each (pixel coordinates
/// of the preprocessed gray photo, blur σ, degrees, |DoG| response);</item>
/// <item><c>descriptors</c>: FLOAT[] of k × <see cref="DescriptorLength"/> values, row-major: keypoint j's descriptor is
/// elements [128 j, 128 j + 128) (DuckDB, 1-based: <c>descriptors[128*j + 1 : 128*j + 128]</c>).</item>
/// </list>
/// A photo without keypoints has k = 0 and empty lists. Floats are stored as written (PLAIN), so a read gives the
/// extraction's bits back.
/// </summary>
public sealed record SiftExtractionTable(string[] Ids, float[][] X, float[][] Y, float[][] Scales, float[][] Angles, float[][] Responses, float[][] Descriptors)
{
    /// <summary>Floats per descriptor: SIFT's 4 × 4 spatial cells × 8 orientations.</summary>
    public const int DescriptorLength = 128;

    /// <summary>The keypoint count of row <paramref name="row"/>.</summary>
    public int KeypointsOf(int row) => X[row].Length;

    /// <exception cref="ArgumentException">The columns do not have one entry per photo, or a photo's lists disagree on its keypoint count.</exception>
    public void Write(string path)
    {
        if (FirstInconsistency() is { } problem)
        {
            throw new ArgumentException($"Cannot write {path}: {problem}.");
        }

        ParquetArtifact.Write(path,
        [
            new StringColumn("id", Ids),
            new PrimitiveColumn<int>("keypoints", X.Select(x => x.Length).ToArray()),
            new FloatVectorColumn("x", X),
            new FloatVectorColumn("y", Y),
            new FloatVectorColumn("scale", Scales),
            new FloatVectorColumn("angle", Angles),
            new FloatVectorColumn("response", Responses),
            new FloatVectorColumn("descriptors", Descriptors),
        ]);
    }

    /// <exception cref="InvalidDataException">
    /// The file is not such a table (missing column, null list, a list whose length disagrees with the keypoint count);
    /// the message names the file and the row.
    /// </exception>
    public static SiftExtractionTable Read(string path)
    {
        var table = ParquetArtifact.Read(path);
        try
        {
            float[][] Lists(string name) => table.GetFloatVectors(name).Select((v, row) => v ?? throw new InvalidDataException($"row {row} has a null {name}")).ToArray();
            var counts = table.GetInt32s("keypoints");
            var read = new SiftExtractionTable(
                table.GetStrings("id").Select(id => id!).ToArray(), Lists("x"), Lists("y"), Lists("scale"), Lists("angle"), Lists("response"), Lists("descriptors"));
            var problem = read.FirstInconsistency() ?? CountMismatch(read, counts);
            return problem is null ? read : throw new InvalidDataException(problem);
        }
        catch (Exception error) when (error is InvalidDataException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path} is not a SIFT extraction table: {error.Message}", error);
        }
    }

    private static string? CountMismatch(SiftExtractionTable table, int[] counts)
    {
        for (var row = 0; row < counts.Length; row++)
        {
            if (counts[row] != table.KeypointsOf(row))
            {
                return $"row {row} (product {table.Ids[row]}) gives a keypoint count of {counts[row]} but lists {table.KeypointsOf(row)} keypoint positions";
            }
        }

        return null;
    }

    private string? FirstInconsistency()
    {
        var rows = Ids.Length;
        if (new[] { X, Y, Scales, Angles, Responses, Descriptors }.Any(column => column.Length != rows))
        {
            return $"the columns do not all have one entry per photo ({rows} ids)";
        }

        for (var row = 0; row < rows; row++)
        {
            var count = KeypointsOf(row);
            if (Y[row].Length != count || Scales[row].Length != count || Angles[row].Length != count || Responses[row].Length != count)
            {
                return $"row {row} (product {Ids[row]}) has {count} x values but not as many y, scale, angle and response values";
            }

            if (Descriptors[row].Length != (long)count * DescriptorLength)
            {
                return $"row {row} (product {Ids[row]}) holds {Descriptors[row].Length} descriptor values where its keypoint count, {count}, needs {(long)count * DescriptorLength}";
            }
        }

        return null;
    }
}
