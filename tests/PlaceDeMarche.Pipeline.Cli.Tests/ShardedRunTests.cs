using PlaceDeMarche.Pipeline.ArtifactCheck;
using PlaceDeMarche.Pipeline.Core.Artifacts;

namespace PlaceDeMarche.Pipeline.Cli.Tests;

/// <summary>
/// <c>run --shard i/n</c> and <c>merge-shards n</c> on the committed sample: the merged artifacts of every per-item
/// stage are the bytes of one unsharded run, and they are cached as an unsharded run's are.
/// </summary>
public sealed class ShardedRunTests
{
    /// <summary>The per-item stages, run as targets in the unsharded reference.</summary>
    private static readonly string[] PerItemStages =
        ["TextCleaning", "ImageCnnResnet18", "ImageCnnMobilenetv2", "ImageAugmentedResnet18", "ImageAugmentedMobilenetv2", "ImageSift"];

    /// <summary>Every artifact they write (ImagePreprocess's two with the CNN stages' and SIFT's).</summary>
    private static readonly string[] PerItemArtifacts =
    [
        "data/artifacts/text/documents.parquet",
        "data/artifacts/image/index.parquet",
        "data/artifacts/image/preprocessed.bin",
        "data/artifacts/image/cnn-resnet18.parquet",
        "data/artifacts/image/cnn-mobilenetv2.parquet",
        "data/artifacts/image/cnn-resnet18-augmented.parquet",
        "data/artifacts/image/cnn-mobilenetv2-augmented.parquet",
        "data/artifacts/image/sift-bovw.parquet",
        "data/artifacts/image/sift-keypoints.parquet",
    ];

    [Fact]
    public void ShardsMergedGiveTheBytesOfOneRun()
    {
        var reference = new Dictionary<string, byte[]>();
        using (var unsharded = NewStudy())
        {
            foreach (var stage in PerItemStages)
            {
                Assert.Equal(0, unsharded.Run("run", "--dataset", "sample", "--target", stage));
            }

            foreach (var artifact in PerItemArtifacts)
            {
                reference[artifact] = File.ReadAllBytes(unsharded.PathOf(artifact));
            }
        }

        // The augmented ResNet18 table holds rows (two copies of each photo), not just the empty table of a model not requested.
        Assert.True(reference["data/artifacts/image/cnn-resnet18-augmented.parquet"].Length > reference["data/artifacts/image/cnn-resnet18.parquet"].Length);
        foreach (var count in new[] { 1, 2, 3 })
        {
            // A fresh workspace each time: its own per-item caches, so the shards compute every photo themselves.
            using var study = NewStudy();
            for (var index = 0; index < count; index++)
            {
                Assert.Equal(0, study.Run("run", "--dataset", "sample", "--shard", $"{index}/{count}"));
                Assert.Contains("9 stages in", study.Output);
            }

            foreach (var artifact in PerItemArtifacts)
            {
                Assert.False(File.Exists(study.PathOf(artifact)), $"a shard wrote the unsharded {artifact}");
            }

            // Any Parquet reader takes the parts as one table: DuckDB counts every product once.
            using (var duckDb = new DuckDbSession())
            {
                var parts = study.PathOf($"data/artifacts/shards/text/documents/part-*-of-{count}.parquet");
                Assert.Equal(35L, duckDb.Scalar<long>($"SELECT count(DISTINCT id) FROM {DuckDbSession.ParquetSource(parts)}"));
                // SIFT's parts carry each usable photo's keypoints and its keypoints × 128 descriptor floats.
                var sift = DuckDbSession.ParquetSource(study.PathOf($"data/artifacts/shards/image/sift-extraction/part-*-of-{count}.parquet"));
                Assert.Equal(34L, duckDb.Scalar<long>($"SELECT count(DISTINCT id) FROM {sift} WHERE keypoints > 0 AND len(descriptors) = 128 * keypoints AND len(x) = keypoints AND len(response) = keypoints"));
            }

            Assert.Equal(0, study.Run("run", "--dataset", "sample", "--shard", $"0/{count}"));
            Assert.Contains("0 ran, 9 up to date", study.Output);

            // SIFT's vocabulary, fitted by the merge, reads every photo's descriptors from the shards' parts: not from the
            // per-photo cache the shards filled (deleted here), and not by extracting them again (which would refill it).
            var siftCache = study.PathOf(ImageArtifactPaths.SiftCache);
            Assert.NotEmpty(Directory.EnumerateFiles(siftCache, "*", SearchOption.AllDirectories));
            Directory.Delete(siftCache, recursive: true);
            Assert.Equal(0, study.Run("merge-shards", count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Contains($"7 merged from {count} shard", study.Output);
            Assert.Contains($"34 photos (read from {count} shard part", study.Output);
            Assert.False(Directory.Exists(siftCache), "the merge extracted SIFT features again instead of reading the parts");
            foreach (var artifact in PerItemArtifacts)
            {
                Assert.True(reference[artifact].AsSpan().SequenceEqual(File.ReadAllBytes(study.PathOf(artifact))), $"{artifact} merged from {count} shards differs from one run's");
            }

            // The merged artifacts are up to date as an unsharded run's would be: the stages they feed run on them unchanged.
            foreach (var stage in PerItemStages)
            {
                Assert.Equal(0, study.Run("run", "--target", stage));
                Assert.All(study.Statuses().Values, status => Assert.Equal("up-to-date", status));
            }
        }
    }

    [Fact]
    public void MergeRefusesAShardThatIsOutOfDate()
    {
        using var study = NewStudy();
        Assert.Equal(0, study.Run("run", "--dataset", "sample", "--shard", "0/2", "--target", "TextCleaning"));
        Assert.Equal(0, study.Run("run", "--shard", "1/2", "--target", "TextCleaning"));
        Assert.Equal(0, study.Run("merge-shards", "2", "--target", "TextCleaning"));
        var merged = File.ReadAllBytes(study.PathOf("data/artifacts/text/documents.parquet"));

        study.EditConfiguration("min_token_length: 2", "min_token_length: 3");
        Assert.Equal(0, study.Run("run", "--shard", "0/2", "--target", "TextCleaning"));
        Assert.Equal(1, study.Run("merge-shards", "2", "--target", "TextCleaning"));
        Assert.Contains("[TextCleaning] shard 1/2 is not up to date (parameters changed); run `placedemarche-pipeline run --shard 1/2` first.", study.Error);
        // Refused before anything was written: the artifact is the earlier merge's, and still recorded as such.
        Assert.Equal(merged, File.ReadAllBytes(study.PathOf("data/artifacts/text/documents.parquet")));
        Assert.True(File.Exists(study.PathOf("data/artifacts/.manifests/TextCleaning.json")));
    }

    [Theory]
    [InlineData("2/2", "--shard 2/2: shards are numbered 0 to 1.")]
    [InlineData("0/0", "--shard 0/0: the number of shards must be at least 1.")]
    [InlineData("1", "--shard takes i/n (shard i of n, e.g. 0/2), not '1'.")]
    [InlineData("a/2", "--shard takes i/n (shard i of n, e.g. 0/2), not 'a/2'.")]
    [InlineData("-1/2", "--shard takes i/n (shard i of n, e.g. 0/2), not '-1/2'.")]
    [InlineData("0/2/4", "--shard takes i/n (shard i of n, e.g. 0/2), not '0/2/4'.")]
    public void AnInvalidShardIsOneLineOfError(string shard, string message)
    {
        using var study = NewStudy();
        Assert.Equal(2, study.Run("run", "--dataset", "sample", "--shard", shard));
        Assert.Equal($"error: {message}", study.Error.TrimEnd());
        Assert.False(Directory.Exists(study.PathOf("data/artifacts")));
    }

    [Fact]
    public void AStageThatNeedsNoPerItemStageIsNotSharded()
    {
        using var study = NewStudy();
        Assert.Equal(2, study.Run("run", "--dataset", "sample", "--shard", "0/2", "--target", "Ingest"));
        Assert.Contains("error: Ingest needs no per-item stage; those that run by shard: TextCleaning, ImagePreprocess,", study.Error);
    }

    /// <summary>The sample study with augmented copies by ResNet18, the CNN every build has, so that stage writes rows too.</summary>
    private static StudyWorkspace NewStudy()
    {
        var study = new StudyWorkspace();
        study.EditConfiguration("models: [mobilenetv2]            # the int8", "models: [resnet18]            # the int8");
        return study;
    }
}
