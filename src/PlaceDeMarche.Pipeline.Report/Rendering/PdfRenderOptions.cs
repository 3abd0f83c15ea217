namespace PlaceDeMarche.Pipeline.Report.Rendering;

/// <summary>Options of <see cref="PdfReportRenderer"/>.</summary>
public sealed record PdfRenderOptions
{
    /// <summary>Flate-compress the PDF's streams (default). Turn off to inspect the drawing operators and
    /// embedded fonts as plain bytes.</summary>
    public bool CompressStreams { get; init; } = true;
}
