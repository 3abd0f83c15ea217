using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Document;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Layout;

/// <summary>
/// Type sizes, colours and spacing of the report, in one place so the pages look consistent. Created per render,
/// after the font resolver is installed.
/// </summary>
internal sealed class ReportTheme
{
    public ReportTheme(ReportLabels labels) => Labels = labels;

    /// <summary>The words the renderer writes by itself, in the report's language.</summary>
    public ReportLabels Labels { get; }

    public FontSet Body { get; } = new(10);

    public FontSet TableCell { get; } = new(8.5, 1.25);

    public FontSet Caption { get; } = new(8.5, 1.3);

    public FontSet Chart { get; } = new(7.5, 1.25);

    public XFont ChartTitle { get; } = new FontSet(9.5).Bold;

    public XFont ChartAxisLabel { get; } = new FontSet(8).Regular;

    public FontSet Heading1 { get; } = new(15, 1.3);

    public FontSet Heading2 { get; } = new(12.5, 1.3);

    public FontSet Heading3 { get; } = new(10.5, 1.3);

    public FontSet Title { get; } = new(26, 1.2);

    public FontSet Subtitle { get; } = new(13, 1.3);

    public FontSet TitleMeta { get; } = new(11, 1.4);

    public FontSet CalloutTitle { get; } = new(11, 1.3);

    public FontSet PageFurniture { get; } = new(7.5);

    public XColor Ink { get; } = XColor.FromArgb(0x22, 0x22, 0x22);

    public XColor Muted { get; } = XColor.FromArgb(0x66, 0x6B, 0x73);

    public XColor Accent { get; } = XColor.FromArgb(0x1F, 0x4E, 0x79);

    public XColor Rule { get; } = XColor.FromArgb(0xB4, 0xBC, 0xC8);

    public XColor Gridline { get; } = XColor.FromArgb(0xE3, 0xE7, 0xEC);

    public XColor TableHeaderFill { get; } = XColor.FromArgb(0x1F, 0x4E, 0x79);

    public XColor TableStripeFill { get; } = XColor.FromArgb(0xF2, 0xF5, 0xF9);

    public XColor HighlightFill { get; } = XColor.FromArgb(0xFF, 0xF0, 0xB8);

    public XColor Warning { get; } = XColor.FromArgb(0xC0, 0x39, 0x2B);

    /// <summary>Vertical space after every block.</summary>
    public double BlockSpacing => 9;
}
