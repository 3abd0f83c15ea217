namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>A paragraph of wrapped text made of runs that may be bold or italic.</summary>
public sealed record Paragraph(IReadOnlyList<TextRun> Runs) : ReportBlock
{
    /// <summary>A paragraph of plain text (no markup is interpreted).</summary>
    public Paragraph(string text) : this([new TextRun(text)]) { }

    /// <summary>
    /// Builds a paragraph from light markup: <c>**bold**</c> and <c>*italic*</c>. An unmatched marker is kept as
    /// literal text, so text that merely contains an asterisk stays intact.
    /// </summary>
    public static Paragraph FromMarkup(string markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        var runs = new List<TextRun>();
        var plainStart = 0;
        var position = 0;
        while (position < markup.Length)
        {
            var marker = markup.AsSpan(position).StartsWith("**") ? "**" : markup[position] == '*' ? "*" : null;
            var close = marker is null ? -1 : markup.IndexOf(marker, position + marker.Length, StringComparison.Ordinal);
            if (marker is null || close <= position + marker.Length)
            {
                position++;
                continue;
            }

            if (position > plainStart)
            {
                runs.Add(new TextRun(markup[plainStart..position]));
            }

            var emphasis = marker.Length == 2 ? TextEmphasis.Bold : TextEmphasis.Italic;
            runs.Add(new TextRun(markup[(position + marker.Length)..close], emphasis));
            position = close + marker.Length;
            plainStart = position;
        }

        if (plainStart < markup.Length || runs.Count == 0)
        {
            runs.Add(new TextRun(markup[plainStart..]));
        }

        return new Paragraph(runs);
    }
}
