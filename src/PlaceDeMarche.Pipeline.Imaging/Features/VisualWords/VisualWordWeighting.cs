namespace PlaceDeMarche.Pipeline.Imaging.Features.VisualWords;

/// <summary>How word counts become a bag-of-visual-words vector.</summary>
public enum VisualWordWeighting
{
    /// <summary>Raw counts.</summary>
    TermFrequency,

    /// <summary>Counts × idf, idf = ln((1 + images) / (1 + images containing the word)) + 1 (scikit-learn's smooth idf).</summary>
    TfIdf,
}
