using PlaceDeMarche.Pipeline.Report.Rendering.Text;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Layout;

/// <summary>What every block renderer needs: the page flow, the theme, text measurement and the caption counters.</summary>
internal sealed class RenderContext
{
    private readonly CaptionNumbering numbering;

    public RenderContext(PageComposer composer, ReportTheme theme, TextWrapper wrapper, CaptionNumbering numbering)
    {
        Composer = composer;
        Theme = theme;
        Wrapper = wrapper;
        this.numbering = numbering;
    }

    public PageComposer Composer { get; }

    public ReportTheme Theme { get; }

    public TextWrapper Wrapper { get; }

    public string NextFigureLabel() => Theme.Labels.Format(Theme.Labels.FigureLabel, numbering.NextFigure());

    public string NextTableLabel() => Theme.Labels.Format(Theme.Labels.TableLabel, numbering.NextTable());
}
