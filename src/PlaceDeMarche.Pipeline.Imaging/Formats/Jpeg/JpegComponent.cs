namespace PlaceDeMarche.Pipeline.Imaging.Formats.Jpeg;

/// <summary>One colour component of a JPEG frame: sampling, tables, block layout and decoded sample plane.</summary>
internal sealed class JpegComponent
{
    /// <summary>Creates a component from its SOF entry.</summary>
    public JpegComponent(int id, int horizontalSampling, int verticalSampling, int quantTableIndex)
    {
        Id = id;
        HorizontalSampling = horizontalSampling;
        VerticalSampling = verticalSampling;
        QuantTableIndex = quantTableIndex;
    }

    /// <summary>Component identifier used by SOS.</summary>
    public int Id { get; }

    /// <summary>Horizontal sampling factor H (1..4).</summary>
    public int HorizontalSampling { get; }

    /// <summary>Vertical sampling factor V (1..4).</summary>
    public int VerticalSampling { get; }

    /// <summary>Quantisation table slot (0..3).</summary>
    public int QuantTableIndex { get; }

    /// <summary>Blocks per row in the MCU-padded grid (interleaved scans).</summary>
    public int BlocksPerLine { get; set; }

    /// <summary>Block rows in the MCU-padded grid.</summary>
    public int BlocksPerColumn { get; set; }

    /// <summary>Blocks per row actually covering the component (non-interleaved scans).</summary>
    public int WidthInBlocks { get; set; }

    /// <summary>Block rows actually covering the component (non-interleaved scans).</summary>
    public int HeightInBlocks { get; set; }

    /// <summary>Output samples per block side after DCT scaling (8, 4, 2 or 1).</summary>
    public int IdctSize { get; set; }

    /// <summary>Meaningful samples per plane row (the rest is block padding).</summary>
    public int SampleWidth { get; set; }

    /// <summary>Meaningful plane rows.</summary>
    public int SampleHeight { get; set; }

    /// <summary>Horizontal replication factor from plane to output (1 = none).</summary>
    public int UpsampleX { get; set; }

    /// <summary>Vertical replication factor from plane to output (1 = none).</summary>
    public int UpsampleY { get; set; }

    /// <summary>Dequantisation weights of the IDCT at <see cref="IdctSize"/>, for the quantisation table of the running sequential scan.</summary>
    public float[] TransformWeights { get; set; } = [];

    /// <summary>Decoded samples, <see cref="PlaneStride"/> bytes per row.</summary>
    public byte[] Plane { get; set; } = [];

    /// <summary>Bytes per plane row (<see cref="BlocksPerLine"/> × <see cref="IdctSize"/>).</summary>
    public int PlaneStride { get; set; }

    /// <summary>Quantised coefficients, 64 per block in natural order, kept for progressive/multi-scan frames.</summary>
    public short[]? Coefficients { get; set; }

    /// <summary>Whether any scan carried data for this component.</summary>
    public bool HasScanData { get; set; }

    /// <summary>DC predictor of the running scan.</summary>
    public int DcPredictor { get; set; }

    /// <summary>DC table slot selected by the running scan.</summary>
    public int DcTableIndex { get; set; }

    /// <summary>AC table slot selected by the running scan.</summary>
    public int AcTableIndex { get; set; }
}
