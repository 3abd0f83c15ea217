namespace PlaceDeMarche.Pipeline.Dataset.Products;

/// <summary>Parses Flipkart's <c>product_category_tree</c> values such as
/// <c>["Home Furnishing &gt;&gt; Curtains &amp; Accessories &gt;&gt; Curtains"]</c>.</summary>
public static class CategoryTree
{
    private const string LevelSeparator = ">>";

    /// <summary>The levels of <paramref name="tree"/>, root first, trimmed. Surrounding brackets and quotes are
    /// optional but must be balanced.</summary>
    /// <exception cref="FormatException">The tree is empty, unbalanced, or has an empty level.</exception>
    public static IReadOnlyList<string> ParseLevels(string tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var text = tree.AsSpan().Trim();
        text = StripPair(tree, text, '[', ']').Trim();
        text = StripPair(tree, text, '"', '"').Trim();
        if (text.IsEmpty)
        {
            throw new FormatException($"the category tree '{tree}' is empty");
        }

        var levels = new List<string>();
        foreach (var range in text.Split(LevelSeparator))
        {
            var level = text[range].Trim();
            if (level.IsEmpty)
            {
                throw new FormatException($"the category tree '{tree}' has an empty level {levels.Count + 1}");
            }

            levels.Add(level.ToString());
        }

        return levels;
    }

    /// <summary>The root level of <paramref name="tree"/>: the product's category in this study.</summary>
    /// <exception cref="FormatException">See <see cref="ParseLevels"/>.</exception>
    public static string FirstLevel(string tree) => ParseLevels(tree)[0];

    private static ReadOnlySpan<char> StripPair(string tree, ReadOnlySpan<char> text, char open, char close)
    {
        var opens = text.StartsWith(open);
        var closes = text.Length >= (opens ? 2 : 1) && text.EndsWith(close);
        if (opens != closes)
        {
            throw new FormatException($"the category tree '{tree}' has an unbalanced {open}{close} pair");
        }

        return opens ? text[1..^1] : text;
    }
}
