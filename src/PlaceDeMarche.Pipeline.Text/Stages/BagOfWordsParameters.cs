using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>
/// The <c>text.bow</c> section of pipeline.yaml (scikit-learn's CountVectorizer semantics): which terms make the
/// vocabulary. <see cref="TfIdfParameters"/> adds its weighting to the same vocabulary settings.
/// </summary>
public class BagOfWordsParameters
{
    public required int NgramMin { get; set; }

    public required int NgramMax { get; set; }

    /// <summary>An integer is a document count, a decimal a proportion of the documents (as in scikit-learn).</summary>
    public required string MinDf { get; set; }

    public required string MaxDf { get; set; }

    public int? MaxFeatures { get; set; }

    public CountVectorizerOptions ToCountOptions() => WithVocabularySettings(new CountVectorizerOptions());

    /// <summary><paramref name="options"/> (of any vectorizer) with this section's vocabulary settings.</summary>
    protected T WithVocabularySettings<T>(T options)
        where T : CountVectorizerOptions => (T)(options with
        {
            Ngrams = new NgramRange(NgramMin, NgramMax),
            MinDf = DocumentFrequencyLimit.Parse(MinDf),
            MaxDf = DocumentFrequencyLimit.Parse(MaxDf),
            MaxFeatures = MaxFeatures,
        });
}
