namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>
/// A numbered section: its heading, its blocks, then its subsections (numbered 1.1, 1.1.1…). The nesting depth
/// gives the heading level; three levels are styled distinctly, deeper ones look like level 3.
/// </summary>
public sealed record ReportSection(string Heading, IReadOnlyList<ReportBlock> Blocks)
{
    /// <summary>Subsections rendered after <see cref="ReportSection.Blocks"/>.</summary>
    public IReadOnlyList<ReportSection> Subsections { get; init; } = [];

    /// <summary>Start this section at the top of a new page.</summary>
    public bool StartOnNewPage { get; init; }
}
