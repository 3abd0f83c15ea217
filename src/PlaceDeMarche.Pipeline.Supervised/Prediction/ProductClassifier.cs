using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Imaging;
using PlaceDeMarche.Pipeline.Imaging.Embeddings;
using PlaceDeMarche.Pipeline.Imaging.Features.ColorHistogram;
using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.Onnx.Models;
using PlaceDeMarche.Pipeline.Supervised.Features;
using PlaceDeMarche.Pipeline.Text.Cleaning;
using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Supervised.Prediction;

/// <summary>
/// Classifies a product outside the dataset with a saved model: its text goes through the study's cleaning and the
/// saved TF-IDF vocabulary, its photo through the study's preprocessing and the saved image representation (colour
/// histogram, or a pretrained CNN's embedding computed by the embedding stage's own code on the same model file).
/// </summary>
/// <param name="workspaceRoot">Where workspace-relative model files and the model cache are (the study's folder).</param>
/// <param name="log">Receives the model resolver's and ONNX Runtime's warnings (e.g. a provider falling back to the CPU).</param>
public sealed class ProductClassifier(SavedModel model, string workspaceRoot, IPipelineLog log)
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

        var embeddings = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var photoBytes = photo.ToArray();
        var probabilities = new double[model.Categories.Length];
        foreach (var component in model.Components)
        {
            var features = FittedFeatureStack.Concatenate(component.Blocks.Select(b => Vector(b, tokens, image, photoBytes, photoName, embeddings)).ToArray());
            var classProbabilities = component.Probabilities(features);
            for (var c = 0; c < probabilities.Length; c++)
                probabilities[c] += component.Weight * classProbabilities[c];
        }
        return new CategoryPrediction(model.Categories.Select((name, c) => (name, probabilities[c])).OrderByDescending(p => p.Item2).ToArray());
    }

    private float[] Vector(FeatureBlockModel block, string[] tokens, Core.Schema.PreprocessedImage image, byte[] photo, string photoName, Dictionary<string, float[]> embeddings)
    {
        if (block.Kind == FeatureBlockModel.TfIdfKind)
        {
            var vectorizer = TfIdfVectorizer.FromFitted(model.TfIdf.ToOptions(), new Vocabulary(block.Terms), block.Idf);
            return FittedTfIdfBlock.Vectors(vectorizer, [tokens])[0];
        }

        float[] raw;
        if (block.Representation == "colorhist")
        {
            raw = ColorHistogramExtractor.Compute(new RgbImage(image.ThumbnailWidth, image.ThumbnailHeight, image.ThumbnailRgb), model.ColorHistogram.ToOptions());
        }
        else if (model.Cnn.Keys.FirstOrDefault(m => ImageRepresentation.CnnMethod(m) == block.Representation) is { } cnn)
        {
            if (!embeddings.TryGetValue(block.Representation, out raw!))
                embeddings[block.Representation] = raw = CnnEmbedding(cnn, model.Cnn[cnn], photo, photoName);
        }
        else
        {
            throw new NotSupportedException($"The saved model uses the image representation '{block.Representation}', which predict cannot compute for a new photo; choose another in supervised.image.");
        }

        return FittedDenseBlock.Standardise(raw, block.Mean, block.Scale);
    }

    /// <summary>The photo's embedding by a pretrained CNN, as the embedding stage computes it: same model file (SHA-256 checked), decoding, recipe and normalisation.</summary>
    private float[] CnnEmbedding(string name, SavedCnnModel saved, byte[] photo, string photoName)
    {
        var section = $"images.cnn.{name}";
        var cnn = saved.Recipe;
        var files = CnnModelFiles.Locate(name, ModelResolver.ForWorkspace(workspaceRoot, log), saved.Files);
        if (files.Missing is { } missing)
            throw new PredictionInputException($"The saved model embeds photos with {name}, which is not on this machine ({missing}).");
        using var embedder = new CnnEmbedder(section, files.Model, files.Preprocess, cnn.Input, cnn.Outputs, cnn.Recipe(section), cnn.BatchSize, cnn.FlipAverage, model.Onnx, log);
        var (vector, failure) = embedder.EmbedOne(photo, photoName);
        return vector is null
            ? throw new PredictionInputException($"{photoName}: not a usable photo ({failure}); give a JPEG or PNG file.")
            : cnn.Normalize(vector);
    }

}
