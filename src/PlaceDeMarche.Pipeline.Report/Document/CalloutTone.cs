namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>Colour of a callout box, i.e. what kind of message it carries.</summary>
public enum CalloutTone
{
    /// <summary>Neutral information (blue).</summary>
    Info,

    /// <summary>A positive verdict (green).</summary>
    Positive,

    /// <summary>A reservation or risk (amber).</summary>
    Caution,

    /// <summary>A negative verdict (red).</summary>
    Negative,
}
