namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>
/// A raster image given as raw pixels, 3 bytes per pixel (red, green, blue), rows top to bottom with no padding.
/// </summary>
/// <param name="Rgb24">Pixel bytes; length must be Width × Height × 3.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Caption">Caption under the image ("Figure n. caption" for a single image; plain in a grid).</param>
public sealed record ImageBlock(ReadOnlyMemory<byte> Rgb24, int Width, int Height, string Caption) : ReportBlock
{
    /// <summary>Printed width in points (1/72 inch); by default the image takes its pixel size at 96 dpi, at
    /// most the text width.</summary>
    public double? DisplayWidth { get; init; }
}
