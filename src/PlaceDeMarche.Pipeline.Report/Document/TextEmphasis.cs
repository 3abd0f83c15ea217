namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>How a run of text is emphasised.</summary>
public enum TextEmphasis
{
    /// <summary>Regular text.</summary>
    None,

    /// <summary>Bold text.</summary>
    Bold,

    /// <summary>Slanted text.</summary>
    Italic,
}
