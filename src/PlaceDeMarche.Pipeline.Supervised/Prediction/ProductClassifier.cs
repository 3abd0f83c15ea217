using PlaceDeMarche.Pipeline.Imaging;
using PlaceDeMarche.Pipeline.Imaging.Features.ColorHistogram;
using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.Supervised.Features;
using PlaceDeMarche.Pipeline.Supervised.Linear;
using PlaceDeMarche.Pipeline.Text.Cleaning;
using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Supervised.Prediction;

/// <summary>
/// Classifies a product outside the dataset with a saved model: its text goes through the study's cleaning and the
/// saved TF-IDF vocabulary, its photo through the study's preprocessing and the saved image representation.
/// </summary>
public sealed class ProductClassifier(SavedModel model)
{
    private readonly TextCleaner cleaner = new(model.Cleaning.ToOptions());

    public SavedModel Model => model;

    /// <exception cref="PredictionInputException">The text is empty after cleaning or the photo cannot be decoded.</exception>
    public CategoryPrediction Predict(string text, ReadOnlySpan<byte> photo, string photoName)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new PredictionInputException("The text is empty: give the product's name and description with --text.");
        var tokens = cleaner.Clean(text).Tokens;
        if (tokens.Length == 0)
            throw new PredictionInputException($"The text \"{text}\" has no word left after cleaning (only stop words, digits or punctuation): give the product's name and description.");
        // The photo is checked even when the saved model is text-only: a bad file must not pass silently.
        Core.Schema.PreprocessedImage image;
        try
        {
            image = new ImagePreprocessor(model.ImagePreprocess).Process(photo, photoName);
        }
        catch (ImageDecodeException error)
        {
            throw new PredictionInputException($"{photoName}: not a usable photo ({error.Message}); give a JPEG or PNG file.", error);
        }

        var probabilities = new double[model.Categories.Length];
        foreach (var component in model.Components)
        {
            var features = FittedFeatureStack.Concatenate(component.Blocks.Select(b => Vector(b, tokens, image)).ToArray());
            var softmax = new SoftmaxModel(component.Weights, component.Biases).Probabilities(features);
            for (var c = 0; c < probabilities.Length; c++)
                probabilities[c] += component.Weight * softmax[c];
        }
        return new CategoryPrediction(model.Categories.Select((name, c) => (name, probabilities[c])).OrderByDescending(p => p.Item2).ToArray());
    }

    private float[] Vector(FeatureBlockModel block, string[] tokens, Core.Schema.PreprocessedImage image)
    {
        if (block.Kind == FeatureBlockModel.TfIdfKind)
        {
            var vectorizer = TfIdfVectorizer.FromFitted(model.TfIdf.ToOptions(), new Vocabulary(block.Terms), block.Idf);
            return FittedTfIdfBlock.Vectors(vectorizer, [tokens])[0];
        }

        var raw = block.Representation switch
        {
            "colorhist" => ColorHistogramExtractor.Compute(new RgbImage(image.ThumbnailWidth, image.ThumbnailHeight, image.ThumbnailRgb), model.ColorHistogram.ToOptions()),
            _ => throw new NotSupportedException($"The saved model uses the image representation '{block.Representation}', which predict cannot compute for a new photo; choose another in supervised.image."),
        };
        return FittedDenseBlock.Standardise(raw, block.Mean, block.Scale);
    }
}
