using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Imaging.Processing;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>
/// Turns one photo into the study's model input: scaled decoding straight to at least the target size, EXIF
/// orientation, area resize, square pad or crop, gray, equalisation and optional denoising; plus an RGB thumbnail.
/// </summary>
public sealed class ImagePreprocessor
{
    private readonly ImagePreprocessParameters parameters;
    private readonly DecodeOptions decodeOptions;
    private readonly bool pad;

    /// <exception cref="ArgumentException">A setting of <c>images.preprocess</c> is out of range.</exception>
    public ImagePreprocessor(ImagePreprocessParameters parameters)
    {
        this.parameters = parameters;
        pad = parameters.Square switch
        {
            "pad" => true,
            "crop" => false,
            _ => throw new ArgumentException($"images.preprocess.square must be pad or crop, not '{parameters.Square}'."),
        };
        if (parameters.Equalization is not ("none" or "global" or "clahe"))
        {
            throw new ArgumentException($"images.preprocess.equalization must be none, global or clahe, not '{parameters.Equalization}'.");
        }

        if (parameters.Size < 16 || parameters.ThumbnailSize < 8 || parameters.ThumbnailSize > parameters.Size || parameters.DenoiseSigma < 0 || parameters.MaxPixels <= 0 || parameters.MaxScans <= 0)
        {
            throw new ArgumentException(
                $"images.preprocess: size ({parameters.Size}) must be >= 16, thumbnail_size ({parameters.ThumbnailSize}) between 8 and size, denoise_sigma ({parameters.DenoiseSigma}) >= 0, max_pixels ({parameters.MaxPixels}) and max_scans ({parameters.MaxScans}) > 0.");
        }

        // A padded square needs the long side at the target size, a cropped one the short side: asking the
        // decoder for a short side of at least `Size` satisfies both, so the area resize never enlarges.
        decodeOptions = new DecodeOptions
        {
            MinShortSide = parameters.Size,
            MaxPixels = parameters.MaxPixels,
            MaxScans = parameters.MaxScans,
            MaxPixelsName = "images.preprocess.max_pixels",
            MaxScansName = "images.preprocess.max_scans",
        };
    }

    /// <summary>Upright size of the photo from its headers (EXIF orientations 5–8 swap the axes).</summary>
    /// <exception cref="ImageDecodeException">The headers are unreadable.</exception>
    public static (int Width, int Height) UprightSize(ReadOnlySpan<byte> data, string sourceName)
    {
        var info = ImageDecoder.Identify(data, sourceName);
        return info.ExifOrientation >= 5 ? (info.Height, info.Width) : (info.Width, info.Height);
    }

    /// <summary>Preprocesses one photo; damage the decoder recovered from is added to <paramref name="warnings"/>.</summary>
    /// <exception cref="ImageDecodeException">The photo is empty, truncated, corrupt beyond recovery, unsupported or too large.</exception>
    public PreprocessedImage Process(ReadOnlySpan<byte> data, string sourceName, ICollection<string>? warnings = null)
    {
        var decoded = ImageDecoder.Decode(data, decodeOptions, sourceName);
        foreach (var warning in decoded.Warnings)
        {
            warnings?.Add(warning);
        }

        var size = parameters.Size;
        var longSide = Math.Max(decoded.Width, decoded.Height);
        var shortSide = Math.Min(decoded.Width, decoded.Height);
        var scale = (double)size / (pad ? longSide : shortSide);
        var width = Math.Max(1, (int)Math.Round(decoded.Width * scale));
        var height = Math.Max(1, (int)Math.Round(decoded.Height * scale));
        var resized = ImageResizer.Resize(decoded, width, height, ResizeMethod.Area);
        var square = pad ? SquareFitting.PadToSquare(resized) : SquareFitting.CenterCrop(resized);
        if (square.Width != size)
        {
            // Rounding of the resized size can leave the square a pixel off the target.
            square = ImageResizer.Resize(square, size, size, ResizeMethod.Area);
        }

        var gray = square.ToGray();
        gray = parameters.Equalization switch
        {
            "global" => HistogramEqualization.Equalize(gray),
            "clahe" => ContrastLimitedEqualization.Apply(gray, parameters.ClaheClipLimit, parameters.ClaheTiles, parameters.ClaheTiles),
            _ => gray,
        };
        if (parameters.DenoiseSigma > 0)
        {
            gray = GaussianBlur.Apply(gray, parameters.DenoiseSigma);
        }

        var thumbnail = ImageResizer.Resize(square, parameters.ThumbnailSize, parameters.ThumbnailSize, ResizeMethod.Area);
        return new PreprocessedImage(gray.Width, gray.Height, gray.Pixels, thumbnail.Width, thumbnail.Height, thumbnail.Pixels);
    }
}
