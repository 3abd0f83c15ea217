namespace PlaceDeMarche.Pipeline.Imaging.Formats.Png;

/// <summary>PNG colour types (IHDR byte 9).</summary>
internal enum PngColorType
{
    /// <summary>Gray, bit depth 1, 2, 4, 8 or 16.</summary>
    Gray = 0,

    /// <summary>RGB, bit depth 8 or 16.</summary>
    Rgb = 2,

    /// <summary>Palette index, bit depth 1, 2, 4 or 8.</summary>
    Palette = 3,

    /// <summary>Gray + alpha, bit depth 8 or 16.</summary>
    GrayAlpha = 4,

    /// <summary>RGB + alpha, bit depth 8 or 16.</summary>
    Rgba = 6,
}
