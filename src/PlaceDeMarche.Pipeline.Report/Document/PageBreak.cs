namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>Continues the section at the top of the next page.</summary>
public sealed record PageBreak : ReportBlock;
