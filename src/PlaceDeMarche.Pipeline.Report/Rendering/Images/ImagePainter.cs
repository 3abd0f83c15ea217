using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Images;

/// <summary>Draws an <see cref="ImageBlock"/> centred in its box, scaled with its aspect ratio kept; an image
/// without pixels shows as a labelled empty frame.</summary>
internal sealed class ImagePainter : IFigurePainter
{
    private const double PointsPerPixel = 72.0 / 96.0;
    private const double PlaceholderHeight = 60;

    private readonly ImageBlock image;
    private readonly ReportTheme theme;

    public ImagePainter(ImageBlock image, ReportTheme theme)
    {
        Validate(image);
        this.image = image;
        this.theme = theme;
    }

    private bool IsEmpty => image.Width == 0 || image.Height == 0;

    public double MeasureHeight(double width, double maxHeight)
    {
        if (IsEmpty)
        {
            return PlaceholderHeight;
        }

        var displayWidth = Math.Min(image.DisplayWidth ?? image.Width * PointsPerPixel, width);
        return Math.Min(displayWidth * image.Height / image.Width, maxHeight);
    }

    public void Draw(XGraphics graphics, XRect area)
    {
        if (IsEmpty)
        {
            graphics.DrawRectangle(new XPen(theme.Rule, 0.6) { DashStyle = XDashStyle.Dash }, area);
            graphics.DrawString(theme.Labels.NoImage, theme.Chart.Italic, new XSolidBrush(theme.Muted), area, XStringFormats.Center);
            return;
        }

        var scale = Math.Min(area.Width / image.Width, area.Height / image.Height);
        if (image.DisplayWidth is { } displayWidth)
        {
            scale = Math.Min(scale, displayWidth / image.Width);
        }

        var (width, height) = (image.Width * scale, image.Height * scale);
        var box = new XRect(area.Left + (area.Width - width) / 2, area.Top + (area.Height - height) / 2, width, height);
        using var stream = new MemoryStream(BmpEncoder.Encode(image.Rgb24.Span, image.Width, image.Height), writable: false);
        using var picture = XImage.FromStream(stream);
        graphics.DrawImage(picture, box);
    }

    private static void Validate(ImageBlock image)
    {
        if (image.Width < 0 || image.Height < 0)
        {
            throw new ArgumentException($"Image '{image.Caption}': size {image.Width}×{image.Height} is negative.", nameof(image));
        }

        var expected = (long)image.Width * image.Height * 3;
        if (image.Rgb24.Length != expected)
        {
            throw new ArgumentException(
                $"Image '{image.Caption}': {image.Rgb24.Length} pixel bytes for {image.Width}×{image.Height} pixels; RGB24 needs " +
                $"exactly width × height × 3 = {expected} bytes (rows top to bottom, no padding).", nameof(image));
        }
    }
}
