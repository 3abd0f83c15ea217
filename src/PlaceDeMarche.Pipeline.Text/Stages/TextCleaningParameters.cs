using PlaceDeMarche.Pipeline.Text.Cleaning;

namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>The <c>text.cleaning</c> section of pipeline.yaml.</summary>
public sealed class TextCleaningParameters
{
    public required bool DecodeHtml { get; set; }

    public required bool Lowercase { get; set; }

    /// <summary><c>keep</c>, <c>drop</c> or <c>replace</c> tokens containing digits.</summary>
    public required string Digits { get; set; }

    public required int MinTokenLength { get; set; }

    public required bool EnglishStopWords { get; set; }

    public required List<string> ExtraStopWords { get; set; }

    /// <summary><c>none</c>, <c>porter</c>, <c>snowball</c> (stemmers) or <c>lemma</c> (WordNet lemmatizer).</summary>
    public required string Normalization { get; set; }

    public TextCleaningOptions ToOptions() => new()
    {
        DecodeHtmlEntities = DecodeHtml,
        Lowercase = Lowercase,
        Digits = Digits.ToLowerInvariant() switch
        {
            "keep" => DigitPolicy.Keep,
            "drop" => DigitPolicy.Drop,
            "replace" => DigitPolicy.Replace,
            _ => throw new ArgumentException($"text.cleaning.digits must be keep, drop or replace, not '{Digits}'."),
        },
        MinTokenLength = MinTokenLength,
        RemoveEnglishStopWords = EnglishStopWords,
        ExtraStopWords = ExtraStopWords,
        Normalization = Normalization.ToLowerInvariant() switch
        {
            "none" => TokenNormalization.None,
            "porter" => TokenNormalization.Porter,
            "snowball" => TokenNormalization.Snowball,
            "lemma" => TokenNormalization.Lemma,
            _ => throw new ArgumentException($"text.cleaning.normalization must be none, porter, snowball or lemma, not '{Normalization}'."),
        },
    };
}
