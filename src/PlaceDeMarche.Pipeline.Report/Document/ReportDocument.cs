namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>
/// A complete report: title page data and the sections in reading order. <see cref="Date"/> is both the date printed
/// on the title page and the PDF creation/modification date, so the same model always gives the same bytes.
/// </summary>
/// <param name="Title">Title on the title page, in the page headers and in the PDF document info.</param>
/// <param name="Date">Date of the study (not the time of rendering), fixed for reproducible output.</param>
/// <param name="Sections">Top-level sections; they are numbered 1, 2, 3… and listed in the table of contents.</param>
public sealed record ReportDocument(string Title, DateTimeOffset Date, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>Unnumbered sections printed right after the title page, before the table of contents (e.g. a summary
    /// for management); bookmarked but not listed in the contents.</summary>
    public IReadOnlyList<ReportSection> Preface { get; init; } = [];

    /// <summary>Second line of the title page and the PDF subject.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Author line of the title page and the PDF author (e.g. "Data science team, Place de marché").</summary>
    public string? Author { get; init; }

    /// <summary>When true, a "SAMPLE DATA" banner marks the title page and every page header.</summary>
    public bool IsSampleData { get; init; }

    /// <summary>Language of the words the renderer adds (contents, captions, page numbers, dates).</summary>
    public ReportLabels Labels { get; init; } = ReportLabels.English;
}
