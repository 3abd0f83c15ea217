using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Imaging.Features.Sift;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>
/// The photos' SIFT features as the rows of a shard part of ImageSift (<see cref="SiftExtractionTable"/>), and back:
/// the merge fits the vocabulary on what the shards wrote, with the bits they extracted.
/// </summary>
internal static class SiftExtractionPart
{
    /// <summary>One row per photo, in the order given; the descriptor arrays are shared, not copied.</summary>
    public static SiftExtractionTable ToTable(string[] ids, IReadOnlyList<SiftFeatures> features)
    {
        float[][] Each(Func<SiftKeypoint, float> field) => features.Select(f => f.Keypoints.Select(field).ToArray()).ToArray();
        return new SiftExtractionTable(
            ids, Each(k => k.X), Each(k => k.Y), Each(k => k.Scale), Each(k => k.Angle), Each(k => k.Response), features.Select(f => f.Descriptors).ToArray());
    }

    /// <summary>The features of row <paramref name="row"/> (its descriptor array shared, not copied).</summary>
    public static SiftFeatures FeaturesOf(SiftExtractionTable table, int row)
    {
        var keypoints = new SiftKeypoint[table.KeypointsOf(row)];
        for (var j = 0; j < keypoints.Length; j++)
        {
            keypoints[j] = new SiftKeypoint(table.X[row][j], table.Y[row][j], table.Scales[row][j], table.Angles[row][j], table.Responses[row][j]);
        }

        return new SiftFeatures(keypoints, table.Descriptors[row]);
    }

    /// <summary>Reads the part <paramref name="path"/> written by shard <paramref name="shard"/> of ImageSift.</summary>
    /// <exception cref="InvalidDataException">The part is missing or damaged: the message names it and the shard to rerun.</exception>
    public static SiftExtractionTable Read(string path, string shard)
    {
        var rerun = $"rerun that shard (`placedemarche-pipeline run --shard {shard} --target ImageSift`), then merge-shards again";
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"The SIFT extraction part of shard {shard}, {path}, is missing; {rerun}.");
        }

        try
        {
            return SiftExtractionTable.Read(path);
        }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException($"The SIFT extraction part of shard {shard} is damaged ({error.Message}); {rerun}.", error);
        }
    }
}
