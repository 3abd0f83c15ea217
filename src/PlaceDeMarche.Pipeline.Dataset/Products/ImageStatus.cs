namespace PlaceDeMarche.Pipeline.Dataset.Products;

/// <summary>What was found at a product's image path. Only <see cref="Ok"/> images can be used for image features.</summary>
public enum ImageStatus
{
    /// <summary>The file exists and starts with a known image signature (JPEG, PNG, GIF, WebP or BMP).</summary>
    Ok,

    /// <summary>No file (or no file name in the CSV).</summary>
    Missing,

    /// <summary>The file has zero bytes.</summary>
    Empty,

    /// <summary>The file does not start with a known image signature.</summary>
    NotAnImage,

    /// <summary>The path exists but cannot be read as a file (permissions, I/O error, a folder).</summary>
    Unreadable,
}
