namespace PlaceDeMarche.Pipeline.Compliance.Scanning;

/// <summary>Character ranges already reported in one text, so that a match found by several rules is reported once.</summary>
public sealed class ClaimedSpans
{
    private readonly List<(int Start, int End)> _spans = [];

    /// <summary>Claims [start, start + length) unless it overlaps a range already claimed.</summary>
    public bool TryClaim(int start, int length)
    {
        var end = start + length;
        if (_spans.Exists(span => start < span.End && span.Start < end))
        {
            return false;
        }

        _spans.Add((start, end));
        return true;
    }
}
