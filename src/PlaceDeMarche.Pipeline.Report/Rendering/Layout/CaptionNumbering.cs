namespace PlaceDeMarche.Pipeline.Report.Rendering.Layout;

/// <summary>
/// The figure and table counters of one document: the preface and the body are laid out by different composers but
/// number their captions in one sequence, so "Tableau 1" names one table only.
/// </summary>
internal sealed class CaptionNumbering
{
    private int figures;
    private int tables;

    public int NextFigure() => ++figures;

    public int NextTable() => ++tables;
}
