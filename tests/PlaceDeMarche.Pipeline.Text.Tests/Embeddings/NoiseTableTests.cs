using PlaceDeMarche.Pipeline.Text.Embeddings;

namespace PlaceDeMarche.Pipeline.Text.Tests.Embeddings;

public sealed class NoiseTableTests
{
    [Fact]
    public void Shares_are_exact_when_the_size_divides_evenly()
    {
        // counts 1, 16, 81 raised to 0.75 are 1, 8, 27 (total 36): with 36,000 slots each gets exactly 1000 x its weight.
        var table = new NoiseTable([1, 16, 81], 0.75, 36_000);
        var histogram = Histogram(table, 3);
        Assert.Equal([1_000, 8_000, 27_000], histogram);
    }

    [Fact]
    public void Shares_are_within_one_slot_of_the_smoothed_unigram_distribution()
    {
        long[] counts = [500, 120, 37, 9, 3, 1];
        const int size = 1_000;
        var table = new NoiseTable(counts, 0.75, size);
        var weights = counts.Select(count => Math.Pow(count, 0.75)).ToArray();
        var histogram = Histogram(table, counts.Length);
        for (var i = 0; i < counts.Length; i++)
        {
            var expected = weights[i] / weights.Sum() * size;
            Assert.InRange(histogram[i], expected - 1, expected + 1);
        }
    }

    [Fact]
    public void Exponent_zero_is_uniform_and_slots_are_sorted()
    {
        var table = new NoiseTable([1000, 10, 1, 1], 0, 400);
        Assert.Equal([100, 100, 100, 100], Histogram(table, 4));
        Assert.True(table.Slots.ToArray().SequenceEqual(table.Slots.ToArray().Order()));
    }

    [Fact]
    public void Empty_or_non_positive_counts_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new NoiseTable([], 0.75));
        Assert.Throws<ArgumentException>(() => new NoiseTable([3, 0], 0.75));
    }

    private static int[] Histogram(NoiseTable table, int words)
    {
        var histogram = new int[words];
        foreach (var word in table.Slots)
            histogram[word]++;
        return histogram;
    }
}
