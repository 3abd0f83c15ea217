namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>A result obtained by others on this dataset, quoted by the report beside ours, with where it comes from.</summary>
/// <param name="Area">Texte, Images, Texte + images.</param>
/// <param name="Method">The method as its authors name it.</param>
/// <param name="Low">The lowest (or only) ARI reported.</param>
/// <param name="High">The highest ARI reported (equal to <paramref name="Low"/> for a single figure).</param>
/// <param name="Source">Where the figure was taken from, for a reader who wants to check it.</param>
public sealed record PublishedResult(string Area, string Method, double Low, double High, string Source)
{
    /// <summary>"0,35 à 0,62", or "0,71" for a single figure.</summary>
    public string Range => Low == High ? Short(Low) : $"{Short(Low)} à {Short(High)}";

    /// <summary>
    /// Where <paramref name="ari"/> stands against this result, in words. <paramref name="what"/> names the result: for a
    /// range, what it was measured on (« SIFT sur ce jeu ») after « la fourchette publiée pour »; for a single figure, a
    /// masculine noun phrase without its article (« meilleur résultat publié… »), after « au niveau du » / « en dessous du ».
    /// </summary>
    public string Standing(double ari, string what) => Low == High
        ? (ari >= High ? $"au niveau du {what} ({Range}) ou au-dessus" : $"en dessous du {what} ({Range})")
        : ari > High ? $"au-dessus de la fourchette publiée pour {what} ({Range})"
        : ari < Low ? $"sous la fourchette publiée pour {what} ({Range})"
        : $"dans la fourchette publiée pour {what} ({Range})";

    /// <summary>As published: up to three decimals, no trailing zero (0,35; 0,003; 0,638).</summary>
    private static string Short(double value) => FeasibilityReportBuilder.Number(value, 3).TrimEnd('0').TrimEnd(',');
}
