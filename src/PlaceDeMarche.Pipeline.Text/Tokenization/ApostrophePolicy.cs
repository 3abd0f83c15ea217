namespace PlaceDeMarche.Pipeline.Text.Tokenization;

/// <summary>What an apostrophe ('\'') between two word characters does.</summary>
public enum ApostrophePolicy
{
    /// <summary>The apostrophe separates words: "don't" gives "don" and "t", "men's" gives "men" and "s".</summary>
    Split,

    /// <summary>The apostrophe joins words: "don't" and "men's" stay single tokens.</summary>
    Keep,

    /// <summary>As <see cref="Keep"/>, but a final possessive "'s" is dropped: "men's" gives "men", "don't" stays.</summary>
    DropPossessive,
}
