namespace PlaceDeMarche.Pipeline.Imaging;

/// <summary>Header facts read without decoding pixels (see <see cref="ImageDecoder.Identify(ReadOnlySpan{byte}, string?)"/>).</summary>
/// <param name="Format">Detected container format.</param>
/// <param name="Width">Stored width in pixels (before EXIF orientation).</param>
/// <param name="Height">Stored height in pixels (before EXIF orientation).</param>
/// <param name="Components">Colour components stored (JPEG: 1, 3 or 4; PNG: channels incl. alpha).</param>
/// <param name="IsProgressive">JPEG progressive (SOF2) or PNG Adam7 interlaced.</param>
/// <param name="ExifOrientation">EXIF orientation tag 1..8 (1 when absent).</param>
public sealed record ImageInfo(ImageFormat Format, int Width, int Height, int Components, bool IsProgressive, int ExifOrientation);
