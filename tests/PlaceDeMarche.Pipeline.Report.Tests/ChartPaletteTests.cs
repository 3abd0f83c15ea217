using PlaceDeMarche.Pipeline.Report.Rendering.Charts;

namespace PlaceDeMarche.Pipeline.Report.Tests;

public sealed class ChartPaletteTests
{
    [Fact]
    public void Palette_has_at_least_ten_distinct_colours()
    {
        Assert.True(ChartPalette.Size >= 10);
        var colours = Enumerable.Range(0, ChartPalette.Size).Select(ChartPalette.ColorFor).Select(c => (c.R, c.G, c.B)).Distinct();
        Assert.Equal(ChartPalette.Size, colours.Count());
    }

    [Fact]
    public void Categories_beyond_the_palette_reuse_colours_with_another_marker()
    {
        Assert.All(Enumerable.Range(0, ChartPalette.Size), c => Assert.Equal(MarkerShape.Circle, ChartPalette.ShapeFor(c)));
        var wrapped = ChartPalette.Size + 3;
        Assert.Equal(ChartPalette.ColorFor(3), ChartPalette.ColorFor(wrapped));
        Assert.NotEqual(ChartPalette.ShapeFor(3), ChartPalette.ShapeFor(wrapped));
    }

    [Fact]
    public void Sequential_scale_runs_from_white_to_dark_blue()
    {
        var low = SequentialColorScale.At(0);
        var high = SequentialColorScale.At(1);
        Assert.Equal((0xF7, 0xFB, 0xFF), (low.R, low.G, low.B));
        Assert.Equal((0x08, 0x30, 0x6B), (high.R, high.G, high.B));
        // Lightness decreases monotonically (sum of channels as a proxy).
        var sums = Enumerable.Range(0, 11).Select(i => SequentialColorScale.At(i / 10.0)).Select(c => c.R + c.G + c.B).ToArray();
        Assert.True(sums.Zip(sums.Skip(1)).All(pair => pair.First > pair.Second));
    }
}
