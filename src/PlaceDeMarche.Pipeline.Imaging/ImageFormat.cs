namespace PlaceDeMarche.Pipeline.Imaging;

/// <summary>Container formats recognised from the leading bytes of a file.</summary>
public enum ImageFormat
{
    /// <summary>Not a format this library decodes.</summary>
    Unknown,

    /// <summary>JPEG/JFIF/EXIF (starts with FF D8 FF).</summary>
    Jpeg,

    /// <summary>PNG (starts with the 8-byte PNG signature).</summary>
    Png,
}
