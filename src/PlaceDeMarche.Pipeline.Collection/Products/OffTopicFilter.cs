namespace PlaceDeMarche.Pipeline.Collection.Products;

/// <summary>
/// Keeps the products that are about the query, because full-text search also returns products that merely mention it
/// (an Open Food Facts search for "champagne" returns green lentils).
/// Rule: every word of the query (case-insensitive, letters and digits) must appear
/// <list type="bullet">
/// <item>as a whole word in the label, or</item>
/// <item>as a whole category tag once its language prefix is removed, singular or with a plural "s" ("en:champagnes"
/// matches "champagne"; "fr:lentilles-rosees-de-champagne" does not: there Champagne is the region of a lentil).</item>
/// </list>
/// Ingredients are not considered: a product containing champagne is not a champagne product.
/// </summary>
public static class OffTopicFilter
{
    public static bool IsOnTopic(CollectedProduct product, string query)
    {
        ArgumentNullException.ThrowIfNull(product);
        var words = Words(query);
        if (words.Count == 0)
        {
            return true;
        }

        var labelWords = new HashSet<string>(Words(product.Label), StringComparer.Ordinal);
        var categoryHeads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in product.Category.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var withoutLanguage = tag[(tag.IndexOf(':') + 1)..];
            categoryHeads.Add(withoutLanguage.ToLowerInvariant());
        }

        return words.All(word => labelWords.Contains(word)
            || categoryHeads.Contains(word)
            || categoryHeads.Contains(word + "s"));
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }
}
