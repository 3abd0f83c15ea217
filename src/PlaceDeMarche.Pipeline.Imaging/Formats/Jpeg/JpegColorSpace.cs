namespace PlaceDeMarche.Pipeline.Imaging.Formats.Jpeg;

/// <summary>Colour space of the decoded JPEG components, decided from component count, JFIF and Adobe markers.</summary>
internal enum JpegColorSpace
{
    /// <summary>One luminance component.</summary>
    Gray,

    /// <summary>Y, Cb, Cr (JFIF).</summary>
    YCbCr,

    /// <summary>R, G, B stored without transform.</summary>
    Rgb,

    /// <summary>Adobe CMYK, stored inverted.</summary>
    Cmyk,

    /// <summary>Adobe YCCK: YCbCr-coded inverted CMY plus K.</summary>
    Ycck,
}
