namespace PlaceDeMarche.Pipeline.Text.Vectorization;

/// <summary>Vocabulary and counting settings of <see cref="CountVectorizer"/>; defaults match scikit-learn's.</summary>
public record CountVectorizerOptions
{
    /// <summary>The n-gram lengths to count; n-grams are tokens joined by single spaces. Default (1, 1).</summary>
    public NgramRange Ngrams { get; init; } = NgramRange.Unigrams;

    /// <summary>Terms in fewer documents are dropped. Default 1 document.</summary>
    public DocumentFrequencyLimit MinDf { get; init; } = DocumentFrequencyLimit.FromCount(1);

    /// <summary>Terms in more documents are dropped (corpus-specific stop words). Default 100 % of documents.</summary>
    public DocumentFrequencyLimit MaxDf { get; init; } = DocumentFrequencyLimit.FromProportion(1.0);

    /// <summary>
    /// Keep only this many terms, those with the highest total count in the corpus (document frequency when
    /// <see cref="Binary"/>); ties go to the term that sorts first. Null (default) keeps all.
    /// </summary>
    public int? MaxFeatures { get; init; }

    /// <summary>Record presence (1) instead of counts. Default false.</summary>
    public bool Binary { get; init; }
}
