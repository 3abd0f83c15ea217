using PlaceDeMarche.Pipeline.Supervised.Protocol;

namespace PlaceDeMarche.Pipeline.Supervised.Tests;

public sealed class StratifiedSplitterTests
{
    // 3 classes of 10, 7 and 13 rows, interleaved.
    private static readonly int[] Labels = [.. Enumerable.Range(0, 30).Select(i => i < 10 ? 0 : i < 17 ? 1 : 2).OrderBy(i => (i * 7919) % 31)];

    [Fact]
    public void EveryRowIsTestedExactlyOnceAndNeverTrainedOnInItsOwnFold()
    {
        var folds = StratifiedSplitter.KFold(Enumerable.Range(0, 30).ToArray(), Labels, 5, seed: 3);

        Assert.Equal(Enumerable.Range(0, 30), folds.SelectMany(f => f.Test).Order());
        Assert.All(folds, f => Assert.Empty(f.Train.Intersect(f.Test)));
        Assert.All(folds, f => Assert.Equal(30, f.Train.Length + f.Test.Length));
    }

    [Fact]
    public void EachClassIsSpreadEvenlyOverTheFolds()
    {
        var folds = StratifiedSplitter.KFold(Enumerable.Range(0, 30).ToArray(), Labels, 5, seed: 3);

        foreach (var label in new[] { 0, 1, 2 })
        {
            var perFold = folds.Select(f => f.Test.Count(r => Labels[r] == label)).ToArray();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"class {label}: {string.Join(",", perFold)}");
        }
        Assert.True(folds.Max(f => f.Test.Length) - folds.Min(f => f.Test.Length) <= 1);
    }

    [Fact]
    public void TheSeedFixesTheSplitAndAnotherSeedChangesIt()
    {
        var rows = Enumerable.Range(0, 30).ToArray();
        var first = StratifiedSplitter.KFold(rows, Labels, 5, seed: 3);
        var again = StratifiedSplitter.KFold(rows, Labels, 5, seed: 3);
        var other = StratifiedSplitter.KFold(rows, Labels, 5, seed: 4);

        Assert.Equal(first.Select(f => f.Test), again.Select(f => f.Test));
        Assert.NotEqual(first.Select(f => string.Join(",", f.Test)), other.Select(f => string.Join(",", f.Test)));
    }

    [Fact]
    public void HoldOutKeepsEachClassProportion()
    {
        var split = StratifiedSplitter.HoldOut(Enumerable.Range(0, 30).ToArray(), Labels, 0.2, seed: 1);

        Assert.Equal(2, split.Test.Count(r => Labels[r] == 0));
        Assert.Equal(1, split.Test.Count(r => Labels[r] == 1));
        Assert.Equal(3, split.Test.Count(r => Labels[r] == 2));
        Assert.Empty(split.Train.Intersect(split.Test));
        Assert.Equal(30, split.Train.Length + split.Test.Length);
    }

    [Fact]
    public void FewerRowsThanFoldsIsRefused() =>
        Assert.Throws<ArgumentException>(() => StratifiedSplitter.KFold([0, 1], Labels, 5, seed: 1));
}
