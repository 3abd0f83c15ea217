using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Core.Tests.Stages;

public sealed class ShardTests
{
    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData("11/12", 11, 12)]
    public void ParsesShardIOfN(string text, int index, int count)
    {
        Assert.True(Shard.TryParse(text, out var shard, out var error));
        Assert.Equal(new Shard(index, count), shard);
        Assert.Equal(text, shard!.Label);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("3/3", "shards are numbered 0 to 2")]
    [InlineData("0/0", "the number of shards must be at least 1")]
    [InlineData("", "takes i/n")]
    [InlineData("1/", "takes i/n")]
    [InlineData("+1/2", "takes i/n")]
    [InlineData("1.0/2", "takes i/n")]
    [InlineData("1 / 2", "takes i/n")]
    [InlineData("99999999999/2", "takes i/n")]
    public void RefusesAnythingElseInOneLine(string text, string reason)
    {
        Assert.False(Shard.TryParse(text, out var shard, out var error));
        Assert.Null(shard);
        Assert.Contains(reason, error);
        Assert.DoesNotContain('\n', error);
    }

    /// <summary>
    /// The assignment is part of the parts' format (shards written by different builds are merged together), so it is
    /// pinned: the values come from Python's hashlib (first 8 bytes of SHA-256(UTF-8 id), big-endian, modulo n).
    /// </summary>
    [Theory]
    [InlineData("55b85ea15a1536d46b7190ad6fff8ce7", 1, 2, 0)]
    [InlineData("a", 0, 1, 4)]
    [InlineData("produit-42", 1, 1, 4)]
    public void AnItemsShardDependsOnItsIdAlone(string id, int ofTwo, int ofThree, int ofSeven)
    {
        Assert.Equal(ofTwo, Shard.Of(id, 2));
        Assert.Equal(ofThree, Shard.Of(id, 3));
        Assert.Equal(ofSeven, Shard.Of(id, 7));
    }

    [Fact]
    public void EveryItemIsInExactlyOneShard()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => $"product-{i}").ToArray();
        foreach (var count in new[] { 1, 2, 3, 8 })
        {
            var shards = Enumerable.Range(0, count).Select(i => new Shard(i, count)).ToArray();
            Assert.All(ids, id => Assert.Single(shards, s => s.Contains(id)));
            // Roughly even: no shard holds more than twice its share of 1,000 ids.
            Assert.All(shards, s => Assert.InRange(ids.Count(s.Contains), 1, 2 * ids.Length / count));
        }
    }

    [Fact]
    public void PartsLiveApartFromTheUnshardedArtifact()
    {
        var shard = new Shard(1, 3);
        Assert.Equal("data/artifacts/shards/image/cnn-resnet18/part-1-of-3.parquet", shard.PartPath("data/artifacts/image/cnn-resnet18.parquet"));
        Assert.Equal("data/artifacts/shards/image/preprocessed/part-1-of-3.bin", shard.PartPath("data/artifacts/image/preprocessed.bin"));
        Assert.Throws<ArgumentException>(() => shard.PartPath("data/artifacts/download/dataset/"));
        Assert.Throws<ArgumentException>(() => shard.PartPath("reports/feasibility-report.pdf"));
    }

    [Fact]
    public void CanonicalOrderSortsByItemThenMinorKey()
    {
        string[] canonical = ["c", "a", "b"];
        Assert.Equal([1, 0, 3, 2], ShardParts.CanonicalOrder(["a", "c", "b", "a"], canonical, [0, 0, 0, 1]));
        Assert.Equal([1, 2, 0], ShardParts.CanonicalOrder(["b", "c", "a"], canonical));
    }

    [Fact]
    public void CanonicalOrderRefusesPartsThatDoNotFit()
    {
        Assert.Contains("item 'z'", Assert.Throws<InvalidDataException>(() => ShardParts.CanonicalOrder(["a", "z"], ["a", "b"])).Message);
        Assert.Contains("Item 'a' is in two shard parts", Assert.Throws<InvalidDataException>(() => ShardParts.CanonicalOrder(["a", "b", "a"], ["a", "b"])).Message);
    }
}
