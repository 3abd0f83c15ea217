using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Blocks;

/// <summary>Renders paragraphs and bullet lists as wrapped body text.</summary>
internal static class ParagraphRenderer
{
    private const double ListIndent = 16;
    private const double ItemSpacing = 2.5;

    public static void Render(RenderContext context, Paragraph paragraph)
    {
        var (composer, body) = (context.Composer, context.Theme.Body);
        var lines = context.Wrapper.Wrap(paragraph.Runs, body, composer.Width);
        FlowingText.Draw(context, lines, composer.Left, composer.Width, body.LineHeight, new XSolidBrush(context.Theme.Ink));
    }

    public static void Render(RenderContext context, BulletList list)
    {
        var (composer, body) = (context.Composer, context.Theme.Body);
        var ink = new XSolidBrush(context.Theme.Ink);
        var markerBrush = new XSolidBrush(context.Theme.Accent);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var lines = context.Wrapper.Wrap(list.Items[i].Runs, body, composer.Width - ListIndent);
            composer.EnsureRoom(Math.Min(lines.Count, 2) * body.LineHeight);
            var marker = list.Numbered ? $"{i + 1}." : "•";
            var markerTop = composer.Y + (body.LineHeight - body.Regular.GetHeight()) / 2;
            composer.Graphics.DrawString(marker, list.Numbered ? body.Regular : body.Bold, markerBrush,
                composer.Left + ListIndent - 5, markerTop, XStringFormats.TopRight);
            FlowingText.Draw(context, lines, composer.Left + ListIndent, composer.Width - ListIndent, body.LineHeight, ink);
            if (i < list.Items.Count - 1)
            {
                composer.AddSpacing(ItemSpacing);
            }
        }
    }
}
