namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>
/// A highlighted box with a title and text, e.g. the feasibility verdict ("Feasible: yes, with images + text").
/// </summary>
public sealed record Callout(string Title, Paragraph Body) : ReportBlock
{
    /// <summary>A callout with plain body text.</summary>
    public Callout(string title, string text) : this(title, new Paragraph(text)) { }

    /// <summary>Colour of the box.</summary>
    public CalloutTone Tone { get; init; } = CalloutTone.Info;
}
