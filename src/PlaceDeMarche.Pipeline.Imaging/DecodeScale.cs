namespace PlaceDeMarche.Pipeline.Imaging;

/// <summary>
/// Reduction applied while decoding. JPEG reduces in the DCT domain (reduced-size inverse DCT), which is much
/// faster than decoding at full size and resizing; PNG ignores it.
/// </summary>
public enum DecodeScale
{
    /// <summary>Full resolution.</summary>
    Full = 1,

    /// <summary>Half width and height (rounded up).</summary>
    Half = 2,

    /// <summary>Quarter width and height (rounded up).</summary>
    Quarter = 4,

    /// <summary>One eighth of width and height (rounded up).</summary>
    Eighth = 8,
}
