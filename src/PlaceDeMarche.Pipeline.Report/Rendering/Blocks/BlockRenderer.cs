using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Charts;
using PlaceDeMarche.Pipeline.Report.Rendering.Images;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Blocks;

/// <summary>Sends each block to the renderer of its kind and spaces blocks apart.</summary>
internal sealed class BlockRenderer
{
    private readonly RenderContext context;
    private readonly TableRenderer tables;

    public BlockRenderer(RenderContext context)
    {
        this.context = context;
        tables = new TableRenderer(context);
    }

    public void Render(ReportBlock block)
    {
        var (theme, wrapper) = (context.Theme, context.Wrapper);
        switch (block)
        {
            case Paragraph paragraph:
                ParagraphRenderer.Render(context, paragraph);
                break;
            case BulletList list:
                ParagraphRenderer.Render(context, list);
                break;
            case Table table:
                tables.Render(table);
                break;
            case KeyValueTable table:
                tables.Render(table);
                break;
            case ScatterPlot plot:
                FigurePlacer.Place(context, new ScatterPlotPainter(plot, theme, wrapper, withLegend: true), plot.Caption);
                break;
            case PlotGrid grid:
                PlotGridRenderer.Render(context, grid);
                break;
            case Heatmap heatmap:
                FigurePlacer.Place(context, new HeatmapPainter(heatmap, theme, wrapper), heatmap.Caption);
                break;
            case BarChart chart:
                BarChartRenderer.Render(context, chart);
                break;
            case ImageBlock image:
                FigurePlacer.Place(context, new ImagePainter(image, theme), string.IsNullOrWhiteSpace(image.Caption) ? null : image.Caption);
                break;
            case ImageGrid grid:
                ImageGridRenderer.Render(context, grid);
                break;
            case Callout callout:
                CalloutRenderer.Render(context, callout);
                break;
            case PageBreak:
                if (!context.Composer.IsAtPageTop)
                {
                    context.Composer.StartNewPage();
                }

                return;
            default:
                throw new NotSupportedException($"Block type {block.GetType().Name} has no renderer; add it to {nameof(BlockRenderer)}.");
        }

        context.Composer.AddSpacing(theme.BlockSpacing);
    }
}
