using System.Globalization;
using PlaceDeMarche.Pipeline.Report.Document;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Charts;

/// <summary>
/// A linear axis with "nice" round ticks (steps of 1, 2, 2.5 or 5 × 10^k) covering a data range, and the number
/// of decimals that prints those ticks exactly.
/// </summary>
internal readonly record struct AxisScale(double Min, double Max, double Step, int Decimals)
{
    public static AxisScale Covering(double dataMin, double dataMax, int targetTicks = 5)
    {
        if (!double.IsFinite(dataMin) || !double.IsFinite(dataMax))
        {
            (dataMin, dataMax) = (0, 1);
        }

        if (dataMax - dataMin < 1e-12 * Math.Max(1, Math.Abs(dataMax)))
        {
            // A single value: centre it in a unit-wide range (or ±10 % of its size) instead of dividing by zero.
            var half = Math.Max(Math.Abs(dataMax) * 0.1, 0.5);
            (dataMin, dataMax) = (dataMin - half, dataMax + half);
        }

        var rawStep = (dataMax - dataMin) / Math.Max(targetTicks, 1);
        var exponent = (int)Math.Floor(Math.Log10(rawStep));
        var fraction = rawStep / Math.Pow(10, exponent);
        var (niceFraction, extraDecimal) = fraction switch
        {
            < 1.5 => (1.0, 0),
            < 2.25 => (2.0, 0),
            < 3.5 => (2.5, 1),
            < 7.5 => (5.0, 0),
            _ => (10.0, 0),
        };
        var step = niceFraction * Math.Pow(10, exponent);
        var decimals = Math.Max(0, -exponent + extraDecimal - (niceFraction >= 10 ? 1 : 0));
        var min = Math.Floor(dataMin / step + 1e-9) * step;
        var max = Math.Ceiling(dataMax / step - 1e-9) * step;
        return new AxisScale(min, max, step, decimals);
    }

    public int TickCount => (int)Math.Round((Max - Min) / Step) + 1;

    public double Tick(int index)
    {
        var value = Min + index * Step;
        return Math.Abs(value) < Step * 1e-9 ? 0 : value;
    }

    /// <summary>Position of <paramref name="value"/> between 0 (Min) and 1 (Max).</summary>
    public double Fraction(double value) => (value - Min) / (Max - Min);

    public string Format(double value, ReportLabels labels) => labels.Number(value, "F" + Decimals.ToString(CultureInfo.InvariantCulture));
}
