using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Charts;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Blocks;

/// <summary>Renders a <see cref="BarChart"/>, split into page-sized parts when it has more bars than a page holds;
/// the caption goes under the last part.</summary>
internal static class BarChartRenderer
{
    /// <summary>Room kept under each part for the caption.</summary>
    private const double CaptionAllowance = 40;

    public static void Render(RenderContext context, BarChart chart)
    {
        BarChartPainter.Validate(chart);
        var chrome = new BarChartPainter(chart, context.Theme, context.Wrapper, 0, 0).ChromeHeight;
        var barsPerPart = Math.Max(1, (int)((PageGeometry.ContentHeight - chrome - CaptionAllowance) / BarChartPainter.RowHeight));
        var first = 0;
        do
        {
            var count = Math.Min(barsPerPart, chart.Values.Count - first);
            var isLast = first + count >= chart.Values.Count;
            var painter = new BarChartPainter(chart, context.Theme, context.Wrapper, first, count);
            FigurePlacer.Place(context, painter, isLast ? chart.Caption : null);
            first += count;
            if (!isLast)
            {
                context.Composer.AddSpacing(context.Theme.BlockSpacing);
            }
        }
        while (first < chart.Values.Count);
    }
}
