namespace PlaceDeMarche.Pipeline.Text.Tokenization;

/// <summary>What a hyphen ('-') between two word characters does.</summary>
public enum HyphenPolicy
{
    /// <summary>The hyphen separates words: "t-shirt" gives "t" and "shirt".</summary>
    Split,

    /// <summary>The hyphen joins words: "t-shirt" stays one token. A hyphen next to a space or another hyphen still separates.</summary>
    Keep,
}
