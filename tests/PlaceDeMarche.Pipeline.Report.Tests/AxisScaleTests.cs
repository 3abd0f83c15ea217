using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Charts;

namespace PlaceDeMarche.Pipeline.Report.Tests;

public sealed class AxisScaleTests
{
    // Expected values worked out by hand: raw step = range / 5, rounded to the nearest of 1, 2, 2.5, 5 × 10^k,
    // then the range is widened outwards to whole steps.
    [Theory]
    [InlineData(-62.3, 70.1, -75, 75, 25, 0)] // 26.48 → 25
    [InlineData(0, 0.52, 0, 0.6, 0.1, 1)] // 0.104 → 0.1
    [InlineData(-0.02, 0.52, -0.1, 0.6, 0.1, 1)] // 0.108 → 0.1
    [InlineData(0, 0.13, 0, 0.15, 0.025, 3)] // 0.026 → 0.025
    [InlineData(5, 5, 4.4, 5.6, 0.2, 1)] // a single value becomes 4.5 … 5.5; 0.2 → 0.2
    [InlineData(0, 1000, 0, 1000, 200, 0)] // 200 → 200
    [InlineData(0, 85, 0, 100, 20, 0)] // 17 → 20, then 85 rounds up to 100
    public void Covering_picks_round_ticks(double min, double max, double axisMin, double axisMax, double step, int decimals)
    {
        var scale = AxisScale.Covering(min, max);
        Assert.Equal(axisMin, scale.Min, 9);
        Assert.Equal(axisMax, scale.Max, 9);
        Assert.Equal(step, scale.Step, 9);
        Assert.Equal(decimals, scale.Decimals);
    }

    [Fact]
    public void Ticks_are_printed_exactly_and_zero_has_no_sign()
    {
        var scale = AxisScale.Covering(-0.02, 0.52);
        var ticks = Enumerable.Range(0, scale.TickCount).Select(i => scale.Format(scale.Tick(i), ReportLabels.English)).ToArray();
        Assert.Equal(["-0.1", "0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6"], ticks);
    }

    [Fact]
    public void A_French_report_writes_its_ticks_with_a_decimal_comma()
    {
        var scale = AxisScale.Covering(1.0, 1.6);

        var ticks = Enumerable.Range(0, scale.TickCount).Select(i => scale.Format(scale.Tick(i), ReportLabels.French)).ToArray();

        Assert.Contains("1,5", ticks);
        Assert.DoesNotContain(ticks, tick => tick.Contains('.', StringComparison.Ordinal));
    }

    [Fact]
    public void Non_finite_range_falls_back_to_zero_to_one()
    {
        var scale = AxisScale.Covering(double.PositiveInfinity, double.NegativeInfinity);
        Assert.Equal((0.0, 1.0), (scale.Min, scale.Max));
        Assert.Equal(0.5, scale.Fraction(0.5), 12);
    }
}
