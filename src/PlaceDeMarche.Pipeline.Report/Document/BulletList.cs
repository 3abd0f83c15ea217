namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>A bulleted (or numbered) list; each item is a paragraph, so items may carry emphasis.</summary>
public sealed record BulletList(IReadOnlyList<Paragraph> Items) : ReportBlock
{
    /// <summary>A list of plain-text items.</summary>
    public BulletList(params string[] items) : this(items.Select(item => new Paragraph(item)).ToArray()) { }

    /// <summary>Number the items 1., 2., 3… instead of bullets.</summary>
    public bool Numbered { get; init; }
}
