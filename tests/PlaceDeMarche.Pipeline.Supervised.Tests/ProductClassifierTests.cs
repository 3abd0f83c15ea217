using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Imaging.Embeddings;
using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.Imaging.Tests;
using PlaceDeMarche.Pipeline.Supervised.Features;
using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.Onnx.Models;
using PlaceDeMarche.Pipeline.Supervised.Prediction;
using PlaceDeMarche.Pipeline.TestSupport.Logging;
using PlaceDeMarche.Pipeline.Text.Stages;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Supervised.Tests;

public sealed class ProductClassifierTests
{
    private static readonly byte[] Photo = UniformJpegWriter.Write(40, 30);

    [Fact]
    public void ClassifiesANewProductFromItsSavedModelAfterAJsonRoundTrip()
    {
        var model = SavedModel.FromJson(Model().ToJson(), "model.json");

        var prediction = Classifier(model).Predict("Analog wrist WATCH with a leather strap", Photo, "photo.jpg");

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
        var error = Assert.Throws<PredictionInputException>(() => Classifier(Model()).Predict(text, Photo, "photo.jpg"));
        Assert.Contains("name and description", error.Message);
    }

    [Fact]
    public void ABadPhotoIsRefusedNamingTheFile()
    {
        var error = Assert.Throws<PredictionInputException>(() => Classifier(Model()).Predict("cotton bath towel", "not an image"u8, "notes.txt"));
        Assert.StartsWith("notes.txt: not a usable photo", error.Message);
    }

    [Fact]
    public void ABadPhotoIsRefusedEvenByATextOnlyModel()
    {
        var textOnly = Model() with { Components = [Model().Components[0] with { Blocks = [Model().Components[0].Blocks[0]], Weights = [[0, 10, -10], [0, -10, 10]] }] };

        Assert.Throws<PredictionInputException>(() => Classifier(textOnly).Predict("cotton bath towel", "not an image"u8, "notes.txt"));
        Assert.Equal("Towels", Classifier(textOnly).Predict("cotton bath towel", Photo, "photo.jpg").Category);
    }

    [Fact]
    public void ACnnBlockGetsTheEmbeddingTheStagesCodeComputesFromTheSameModel()
    {
        var photo = UniformJpegWriter.Write(300, 200);
        var resnet = ResNet18Fixture.Parameters();
        var section = "images.cnn.resnet18";
        var files = CnnModelFiles.Locate("resnet18", ModelResolver.ForWorkspace(Path.GetTempPath(), new RecordingLog()), ResNet18Fixture.Files());
        var cache = Path.Combine(Path.GetTempPath(), "cnn-cache-" + Guid.NewGuid().ToString("N"));
        var photoPath = Path.Combine(cache, "photo.jpg");
        Directory.CreateDirectory(cache);
        File.WriteAllBytes(photoPath, photo);
        float[] expected;
        try
        {
            // The embedding stages' path: the cached embedding, then the section's normalisation.
            var (vectors, _) = new CachedCnnEmbedding(section, resnet, files, StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section), new ItemCache(cache), new RecordingLog())
                .Embed([new CnnPhotoRequest("photo-sha", photoPath)], path => path, CancellationToken.None);
            expected = resnet.Normalize(vectors[0]!);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }

        // Logits ±(expected · embedding): the probability is σ(2 cos) = 0.8808 exactly when predict's embedding is the stage's.
        var model = Model() with
        {
            Model = "image",
            Components =
            [
                new ModelComponent
                {
                    Weight = 1,
                    Blocks = [new FeatureBlockModel { Kind = FeatureBlockModel.DenseKind, Representation = "cnn-resnet18", Mean = new float[512], Scale = [.. Enumerable.Repeat(1f, 512)] }],
                    Weights = [expected, [.. expected.Select(v => -v)]],
                    Biases = [0, 0],
                },
            ],
            Cnn = new Dictionary<string, SavedCnnModel> { ["resnet18"] = new(resnet, ResNet18Fixture.Files()) },
        };

        var prediction = Classifier(SavedModel.FromJson(model.ToJson(), "model.json")).Predict("cotton bath towel", photo, "photo.jpg");

        Assert.Equal("Towels", prediction.Category);
        Assert.Equal(1 / (1 + Math.Exp(-2)), prediction.Probability, 5);
        Assert.Throws<PredictionInputException>(() => Classifier(model).Predict("cotton bath towel", "not an image"u8, "notes.txt"));
    }

    [Fact]
    public void ACnnModelAbsentFromThisMachineIsNamed()
    {
        var model = Model() with
        {
            Components = [Model().Components[0] with { Blocks = [new FeatureBlockModel { Kind = FeatureBlockModel.DenseKind, Representation = "cnn-resnet18", Mean = new float[512], Scale = new float[512] }], Weights = [new float[512], new float[512]] }],
            Cnn = new Dictionary<string, SavedCnnModel> { ["resnet18"] = new(ResNet18Fixture.Parameters(), ResNet18Fixture.Files(("models/absent.onnx", ResNet18Fixture.Sha256))) },
        };

        var error = Assert.Throws<PredictionInputException>(() => Classifier(model).Predict("cotton bath towel", Photo, "photo.jpg"));

        Assert.Contains("resnet18", error.Message);
        Assert.Contains("absent.onnx", error.Message);
    }

    [Fact]
    public void AFileThatIsNotAModelIsRefused() =>
        Assert.Throws<InvalidDataException>(() => SavedModel.FromJson("{\"weights\": ", "broken.json"));

    private static ProductClassifier Classifier(SavedModel model) => new(model, Path.GetTempPath(), new RecordingLog());

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
        Cleaning = StudyConfiguration.Bind<TextCleaningParameters>("text.cleaning"),
        TfIdf = StudyConfiguration.Bind<TfIdfParameters>("text.tfidf"),
        ImagePreprocess = StudyConfiguration.Bind<ImagePreprocessParameters>("images.preprocess", p => { p.Size = 32; p.ThumbnailSize = 16; }),
        ColorHistogram = StudyConfiguration.Bind<ImageColorHistogramParameters>("images.color_histogram"),
        Cnn = [],
        Onnx = StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section),
        TrainingDataHash = "test",
        TrainingRows = 2,
        MlNetVersion = "test",
        CvAccuracyMean = 1,
        TestAccuracy = 1,
    };
}
