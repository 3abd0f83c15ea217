using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>The <c>text.tfidf</c> section of pipeline.yaml (scikit-learn's TfidfVectorizer semantics).</summary>
public sealed class TfIdfParameters : BagOfWordsParameters
{
    public required bool SublinearTf { get; set; }

    public required bool SmoothIdf { get; set; }

    /// <summary><c>l2</c>, <c>l1</c> or <c>none</c>.</summary>
    public required string Norm { get; set; }

    public TfIdfOptions ToOptions() => WithVocabularySettings(new TfIdfOptions
    {
        SublinearTf = SublinearTf,
        SmoothIdf = SmoothIdf,
        Norm = Norm.ToLowerInvariant() switch
        {
            "l2" => VectorNorm.L2,
            "l1" => VectorNorm.L1,
            "none" => VectorNorm.None,
            _ => throw new ArgumentException($"text.tfidf.norm must be l2, l1 or none, not '{Norm}'."),
        },
    });
}
