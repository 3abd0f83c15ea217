using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Blocks;

/// <summary>
/// Renders a <see cref="Callout"/> as a tinted box with a coloured bar on its left, the title in the tone's colour
/// and the wrapped text. Kept on one page when it fits; a callout longer than a page continues in a second box.
/// </summary>
internal static class CalloutRenderer
{
    private const double Padding = 9;
    private const double BarWidth = 4;
    private const double TitleGap = 3;

    public static void Render(RenderContext context, Callout callout)
    {
        var (composer, theme) = (context.Composer, context.Theme);
        var (accent, fill) = Colors(callout.Tone);
        var textWidth = composer.Width - BarWidth - 2 * Padding;
        var title = context.Wrapper.Wrap(callout.Title, theme.CalloutTitle.Bold, textWidth);
        var body = context.Wrapper.Wrap(callout.Body.Runs, theme.Body, textWidth);
        var titleHeight = title.Count * theme.CalloutTitle.LineHeight + TitleGap;
        var lineHeight = theme.Body.LineHeight;

        composer.EnsureRoom(2 * Padding + titleHeight + body.Count * lineHeight);
        var next = 0;
        var first = true;
        do
        {
            var headHeight = first ? titleHeight : 0;
            var fitting = (int)Math.Floor((composer.Remaining - 2 * Padding - headHeight) / lineHeight);
            if (fitting < Math.Min(1, body.Count - next) && !composer.IsAtPageTop)
            {
                composer.StartNewPage();
                continue;
            }

            var count = Math.Clamp(fitting, Math.Min(1, body.Count - next), body.Count - next);
            var height = 2 * Padding + headHeight + count * lineHeight;
            var graphics = composer.Graphics;
            graphics.DrawRectangle(new XSolidBrush(fill), composer.Left, composer.Y, composer.Width, height);
            graphics.DrawRectangle(new XSolidBrush(accent), composer.Left, composer.Y, BarWidth, height);
            var left = composer.Left + BarWidth + Padding;
            var top = composer.Y + Padding;
            if (first)
            {
                var titleBrush = new XSolidBrush(accent);
                foreach (var line in title)
                {
                    line.Draw(graphics, titleBrush, left, top, theme.CalloutTitle.LineHeight);
                    top += theme.CalloutTitle.LineHeight;
                }

                top += TitleGap;
            }

            var ink = new XSolidBrush(theme.Ink);
            for (var i = next; i < next + count; i++)
            {
                body[i].Draw(graphics, ink, left, top, lineHeight);
                top += lineHeight;
            }

            composer.Advance(height);
            next += count;
            first = false;
            if (next < body.Count)
            {
                composer.StartNewPage();
            }
        }
        while (next < body.Count);
    }

    private static (XColor Accent, XColor Fill) Colors(CalloutTone tone) => tone switch
    {
        CalloutTone.Positive => (XColor.FromArgb(0x1B, 0x7A, 0x3D), XColor.FromArgb(0xE7, 0xF4, 0xEB)),
        CalloutTone.Caution => (XColor.FromArgb(0xA8, 0x65, 0x00), XColor.FromArgb(0xFD, 0xF3, 0xDC)),
        CalloutTone.Negative => (XColor.FromArgb(0xB0, 0x2A, 0x1E), XColor.FromArgb(0xFB, 0xE9, 0xE7)),
        _ => (XColor.FromArgb(0x1F, 0x4E, 0x79), XColor.FromArgb(0xE8, 0xF0, 0xF8)),
    };
}
