namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>A piece of section content: text, table, chart, image, callout or page break.</summary>
public abstract record ReportBlock;
