namespace PlaceDeMarche.Pipeline.Imaging;

/// <summary>How transparency (PNG alpha channel or tRNS) is turned into RGB24.</summary>
public enum AlphaHandling
{
    /// <summary>Blend each pixel over a white background (product photos are shot on white).</summary>
    CompositeOnWhite,

    /// <summary>Ignore alpha and keep the stored colour.</summary>
    Drop,
}
