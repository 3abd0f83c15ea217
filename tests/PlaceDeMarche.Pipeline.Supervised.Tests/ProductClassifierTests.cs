using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.Imaging.Tests;
using PlaceDeMarche.Pipeline.Supervised.Features;
using PlaceDeMarche.Pipeline.Supervised.Prediction;
using PlaceDeMarche.Pipeline.Text.Stages;

namespace PlaceDeMarche.Pipeline.Supervised.Tests;

public sealed class ProductClassifierTests
{
    private static readonly byte[] Photo = UniformJpegWriter.Write(40, 30);

    [Fact]
    public void ClassifiesANewProductFromItsSavedModelAfterAJsonRoundTrip()
    {
        var model = SavedModel.FromJson(Model().ToJson(), "model.json");

        var prediction = new ProductClassifier(model).Predict("Analog wrist WATCH with a leather strap", Photo, "photo.jpg");

        Assert.Equal("Watches", prediction.Category);
        Assert.True(prediction.Probability > 0.9);
        Assert.Equal(["Watches", "Towels"], prediction.Ranked.Select(r => r.Category));
        Assert.Equal(1.0, prediction.Ranked.Sum(r => r.Probability), 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("the of 1234 !!")]
    public void AnEmptyTextIsRefusedClearly(string text)
    {
        var error = Assert.Throws<PredictionInputException>(() => new ProductClassifier(Model()).Predict(text, Photo, "photo.jpg"));
        Assert.Contains("name and description", error.Message);
    }

    [Fact]
    public void ABadPhotoIsRefusedNamingTheFile()
    {
        var error = Assert.Throws<PredictionInputException>(() => new ProductClassifier(Model()).Predict("cotton bath towel", "not an image"u8, "notes.txt"));
        Assert.StartsWith("notes.txt: not a usable photo", error.Message);
    }

    [Fact]
    public void ABadPhotoIsRefusedEvenByATextOnlyModel()
    {
        var textOnly = Model() with { Components = [Model().Components[0] with { Blocks = [Model().Components[0].Blocks[0]], Weights = [[0, 10, -10], [0, -10, 10]] }] };

        Assert.Throws<PredictionInputException>(() => new ProductClassifier(textOnly).Predict("cotton bath towel", "not an image"u8, "notes.txt"));
        Assert.Equal("Towels", new ProductClassifier(textOnly).Predict("cotton bath towel", Photo, "photo.jpg").Category);
    }

    [Fact]
    public void AFileThatIsNotAModelIsRefused() =>
        Assert.Throws<InvalidDataException>(() => SavedModel.FromJson("{\"weights\": ", "broken.json"));

    /// <summary>Two classes; "watch" votes Watches and "towel" Towels; the colour block is present but weighs nothing.</summary>
    private static SavedModel Model() => new()
    {
        Model = "multimodal_early",
        Categories = ["Towels", "Watches"],
        Components =
        [
            new ModelComponent
            {
                Weight = 1,
                Blocks =
                [
                    new FeatureBlockModel { Kind = FeatureBlockModel.TfIdfKind, Representation = "tfidf", Terms = ["leather", "towel", "watch"], Idf = [1, 1, 1] },
                    new FeatureBlockModel { Kind = FeatureBlockModel.DenseKind, Representation = "colorhist", Mean = new float[128], Scale = new float[128] },
                ],
                Weights = [[0, 10, -10, .. new float[128]], [0, -10, 10, .. new float[128]]],
                Biases = [0, 0],
            },
        ],
        Cleaning = new TextCleaningParameters(),
        TfIdf = new TfIdfParameters(),
        ImagePreprocess = new ImagePreprocessParameters { Size = 32, ThumbnailSize = 16 },
        ColorHistogram = new ImageColorHistogramParameters(),
        TrainingDataHash = "test",
        TrainingRows = 2,
        MlNetVersion = "test",
        CvAccuracyMean = 1,
        TestAccuracy = 1,
    };
}
