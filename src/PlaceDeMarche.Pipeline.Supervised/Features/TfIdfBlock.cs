using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Supervised.Features;

/// <summary>
/// TF-IDF of the cleaned text, its vocabulary and idf learned from the training rows only: a term that appears only
/// in test rows has no column, as for a product the model has never seen.
/// </summary>
public sealed class TfIdfBlock(string[][] tokens, TfIdfOptions options) : IFeatureBlock
{
    public string Name => FeatureBlockModel.TfIdfKind;

    public IFittedFeatureBlock Fit(IReadOnlyList<int> trainRows)
    {
        var vectorizer = new TfIdfVectorizer(options);
        vectorizer.Fit(trainRows.Select(r => tokens[r]).ToArray());
        return new FittedTfIdfBlock(vectorizer, tokens);
    }
}
