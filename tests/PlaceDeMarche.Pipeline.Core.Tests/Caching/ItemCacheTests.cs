using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Tests.Fakes;

namespace PlaceDeMarche.Pipeline.Core.Tests.Caching;

public sealed class ItemCacheTests : IDisposable
{
    private readonly TemporaryWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void KeysKeepTheirPartsApart()
    {
        Assert.Equal(ItemCache.Key("ab", "c"), ItemCache.Key("ab", "c"));
        Assert.NotEqual(ItemCache.Key("ab", "c"), ItemCache.Key("a", "bc"));
        Assert.NotEqual(ItemCache.Key("a", "b"), ItemCache.Key("b", "a"));
        Assert.Equal(64, ItemCache.Key("x").Length);
    }

    [Fact]
    public void AnEntryIsComputedOnceThenReadBack()
    {
        var cache = Cache();
        var calls = 0;

        var first = cache.GetOrCreate(ItemCache.Key("photo"), () => { calls++; return [1, 2, 3]; });
        var second = cache.GetOrCreate(ItemCache.Key("photo"), () => { calls++; return [9]; });

        Assert.Equal([1, 2, 3], first);
        Assert.Equal([1, 2, 3], second);
        Assert.Equal(1, calls);
        Assert.Equal((1, 1), (cache.Computed, cache.Reused));
    }

    [Fact]
    public void AnotherInstanceOnTheSameFolderReusesTheEntries()
    {
        Cache().GetOrCreate(ItemCache.Key("photo"), () => [4, 5]);

        var later = Cache();
        var value = later.GetOrCreate(ItemCache.Key("photo"), () => throw new InvalidOperationException("should be cached"));

        Assert.Equal([4, 5], value);
        Assert.Equal((0, 1), (later.Computed, later.Reused));
    }

    [Fact]
    public void EntriesFanOutByTheKeysFirstTwoCharacters()
    {
        var cache = Cache();
        var key = ItemCache.Key("photo");

        cache.GetOrCreate(key, () => [1]);

        Assert.True(File.Exists(Path.Combine(cache.Directory, key[..2], key + ".bin")));
        Assert.Equal(Path.Combine(cache.Directory, key[..2], key + ".bin"), cache.PathOf(key));
    }

    [Fact]
    public void AFailedComputationStoresNothing()
    {
        var cache = Cache();
        var key = ItemCache.Key("broken");

        Assert.Throws<InvalidDataException>(() => cache.GetOrCreate(key, () => throw new InvalidDataException("corrupt photo")));

        Assert.False(File.Exists(cache.PathOf(key)));
        Assert.Equal([7], cache.GetOrCreate(key, () => [7]));
        Assert.Equal(1, cache.Computed);
    }

    [Fact]
    public void ParallelUseGivesEveryItemItsOwnValue()
    {
        var cache = Cache();
        var values = new byte[200][];

        Parallel.For(0, 400, i =>
        {
            var item = i % 200;
            values[item] = cache.GetOrCreate(ItemCache.Key("item", item.ToString()), () => [(byte)item, (byte)(item >> 8)]);
        });

        for (var item = 0; item < 200; item++)
        {
            Assert.Equal([(byte)item, (byte)(item >> 8)], values[item]);
        }

        Assert.Equal(400, cache.Computed + cache.Reused);
        Assert.Equal(200, Directory.EnumerateFiles(cache.Directory, "*.bin", SearchOption.AllDirectories).Count());
    }

    private ItemCache Cache() => new(Path.Combine(workspace.Root, "data", "cache", "items"));
}
