using System.Text;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.Onnx.Models;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Stages;

/// <summary>
/// The stage on the real ResNet18 of Microsoft.ML.DnnImageFeaturizer.ResNet18, which the package copies next to
/// the test assembly (DnnImageModels/), on small fixture photos; the catalog entry names those copies as plain files.
/// </summary>
public sealed class ImageCnnEmbeddingStageTests : IDisposable
{
    private const string ResNetSha256 = ResNet18Fixture.Sha256;

    private readonly StageHarness harness = new();

    public void Dispose() => harness.Dispose();

    private static readonly string ResNetFile = ResNet18Fixture.ModelFile;

    internal static ImageCnnParameters ResNet18() => ResNet18Fixture.Parameters();

    /// <summary>The catalog files of ResNet18: <paramref name="modelSources"/> (path, sha256) in order, then its preprocessing graph.</summary>
    internal static Dictionary<string, List<ModelFileSource>> ResNet18Files(params (string Source, string Sha256)[] modelSources) => ResNet18Fixture.Files(modelSources);

    private static ImageCnnStageParameters Parameters(ImageCnnParameters model, Dictionary<string, List<ModelFileSource>>? files = null) =>
        new(model, files ?? ResNet18Files(), StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section));

    private void PreprocessTwoPhotos()
    {
        harness.WriteProducts(("p1", "Watches", "baseline_420.jpg", "ok"), ("gone", "Watches", null, "missing"), ("p2", "Baby Care", "large_baseline.jpg", "ok"));
        harness.Run(new ImagePreprocessStage(), StudyConfiguration.Bind<ImagePreprocessParameters>("images.preprocess", p => { p.Size = 16; p.ThumbnailSize = 8; }));
    }

    [Fact]
    public void EmbedsEachUsablePhotoAsAUnitVector()
    {
        PreprocessTwoPhotos();

        var metrics = harness.Run(new ImageCnnEmbeddingStage("resnet18"), Parameters(ResNet18()));

        var table = FeatureTable.Read(harness.PathOf(ImageArtifactPaths.CnnEmbedding("resnet18")));
        Assert.Equal(["p1", "p2"], table.Ids);
        Assert.All(table.Vectors, v => Assert.Equal(512, v.Length));
        Assert.All(table.Vectors, v => Assert.Equal(1, Math.Sqrt(v.Sum(x => (double)x * x)), 4));
        Assert.All(table.Vectors, v => Assert.True(v.Min() >= 0, "ResNet18's pooled ReLU features are non-negative"));
        Assert.Equal("ran", (string)metrics["image.cnn.resnet18.status"]!);
        Assert.Equal(2, (int)metrics["image.cnn.resnet18.computed"]!);
    }

    [Fact]
    public void SecondRunComputesNothingAndAChangedModelRecomputesEverything()
    {
        PreprocessTwoPhotos();
        harness.Run(new ImageCnnEmbeddingStage("resnet18"), Parameters(ResNet18()));
        var first = File.ReadAllBytes(harness.PathOf(ImageArtifactPaths.CnnEmbedding("resnet18")));

        var warm = harness.Run(new ImageCnnEmbeddingStage("resnet18"), Parameters(ResNet18()));

        Assert.Equal(0, (int)warm["image.cnn.resnet18.computed"]!);
        Assert.Equal(2, (int)warm["image.cnn.resnet18.reused"]!);
        Assert.Equal(first, File.ReadAllBytes(harness.PathOf(ImageArtifactPaths.CnnEmbedding("resnet18"))));

        // The same graph with other bytes (its producer name edited): another model hash, so nothing is reused.
        var model = File.ReadAllBytes(ResNetFile);
        var producer = model.AsSpan().IndexOf("CNTK"u8);
        Assert.True(producer >= 0);
        model[producer + 3] = (byte)'X';
        var copy = harness.PathOf("models/resnet18-edited.onnx");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.WriteAllBytes(copy, model);
        var edited = ResNet18Files(("models/resnet18-edited.onnx", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(model))));

        var changed = harness.Run(new ImageCnnEmbeddingStage("resnet18"), Parameters(ResNet18(), edited));

        Assert.Equal(2, (int)changed["image.cnn.resnet18.computed"]!);
        Assert.Equal(0, (int)changed["image.cnn.resnet18.reused"]!);
    }

    [Fact]
    public void AMirroredCopyIsCloserThanAnotherPhoto()
    {
        harness.WriteProducts(("a", "x", "large_baseline.jpg", "ok"), ("b", "x", "progressive_444.jpg", "ok"));
        harness.Run(new ImagePreprocessStage(), StudyConfiguration.Bind<ImagePreprocessParameters>("images.preprocess", p => { p.Size = 16; p.ThumbnailSize = 8; }));
        harness.Run(new ImageCnnEmbeddingStage("resnet18"), Parameters(ResNet18()));
        var plain = FeatureTable.Read(harness.PathOf(ImageArtifactPaths.CnnEmbedding("resnet18")));
        var mirroredParameters = ResNet18();
        mirroredParameters.FlipAverage = true;

        harness.Run(new ImageCnnEmbeddingStage("resnet18"), Parameters(mirroredParameters));

        // Flip-averaged embedding of a = mean of a and its mirror image: it must stay nearer a than b is.
        var averaged = FeatureTable.Read(harness.PathOf(ImageArtifactPaths.CnnEmbedding("resnet18")));
        var self = Cosine(plain.Vectors[0], averaged.Vectors[0]);
        var other = Cosine(plain.Vectors[0], plain.Vectors[1]);
        Assert.True(self > other, $"cos(a, flip-averaged a) = {self:F3} should exceed cos(a, b) = {other:F3}");
        Assert.True(self < 0.99999, "the mirror image must change the features a little");
    }

    [Fact]
    public void APhotoThatCannotBeDecodedIsLeftOutWithItsReason()
    {
        PreprocessTwoPhotos();
        // Damaged after ImagePreprocess judged it usable.
        File.WriteAllBytes(harness.PathOf("data/artifacts/download/dataset/Images/large_baseline.jpg"), Encoding.ASCII.GetBytes("not a photo"));

        var metrics = harness.Run(new ImageCnnEmbeddingStage("resnet18"), Parameters(ResNet18()));

        Assert.Equal(["p1"], FeatureTable.Read(harness.PathOf(ImageArtifactPaths.CnnEmbedding("resnet18"))).Ids);
        Assert.Equal(1, (int)metrics["image.cnn.resnet18.failed_images"]!);
        Assert.Contains(harness.Warnings, w => w.Contains("p2") && w.Contains("not a JPEG or PNG"));
    }

    [Fact]
    public void WithNoSourceAvailableTheModelIsRecordedAsUnavailableWithEachReason()
    {
        PreprocessTwoPhotos();
        // An absent file, then a URL that cannot resolve (.invalid never does): as on a machine without ../shared, offline.
        var files = ResNet18Files(("models/absent.onnx", ResNetSha256), ("https://models.invalid/resnet18.onnx", ResNetSha256));

        var metrics = harness.Run(new ImageCnnEmbeddingStage("resnet18"), Parameters(ResNet18(), files));

        Assert.Empty(FeatureTable.Read(harness.PathOf(ImageArtifactPaths.CnnEmbedding("resnet18"))).Ids);
        Assert.Equal("unavailable", (string)metrics["image.cnn.resnet18.status"]!);
        var status = (string)metrics["image.cnn.resnet18.status_reason"]!;
        Assert.Contains("absent.onnx", status);
        Assert.Contains("https://models.invalid/resnet18.onnx is not available (cannot download it", status);
        Assert.Contains("this machine may be offline", status);
    }

    [Fact]
    public void AnAbsentFirstSourceFallsBackToTheNextWithOneWarning()
    {
        PreprocessTwoPhotos();
        var files = ResNet18Files(("models/absent.onnx", ResNetSha256), (ResNetFile, ResNetSha256));

        var metrics = harness.Run(new ImageCnnEmbeddingStage("resnet18"), Parameters(ResNet18(), files));

        Assert.Equal("ran", (string)metrics["image.cnn.resnet18.status"]!);
        Assert.Single(harness.Warnings, w => w.Contains("absent.onnx") && w.Contains($"using {ResNetFile} instead"));
    }

    [Fact]
    public void AModelWithAnotherChecksumIsRefused()
    {
        PreprocessTwoPhotos();
        var files = ResNet18Files((ResNetFile, new string('0', 64)));

        var error = Assert.Throws<OnnxModelException>(() => harness.Run(new ImageCnnEmbeddingStage("resnet18"), Parameters(ResNet18(), files)));

        Assert.Contains("models.resnet18.files.model", error.Message);
        Assert.Contains(ResNetSha256, error.Message);
    }

    [Fact]
    public void AWrongInputSizeNamesTheModelAndItsInput()
    {
        PreprocessTwoPhotos();
        var parameters = ResNet18();
        parameters.InputSize = 200;
        parameters.ResizeShorter = 200;

        var error = Assert.Throws<InvalidDataException>(() => harness.Run(new ImageCnnEmbeddingStage("resnet18"), Parameters(parameters)));

        Assert.Contains("images.cnn.resnet18", error.Message);
        Assert.Contains("Input247", error.Message);
        Assert.Contains("[1, 3, 224, 224]", error.Message);
    }

    [Fact]
    public void TheFirstDeclaredOutputTheGraphHasIsTheEmbedding()
    {
        PreprocessTwoPhotos();
        var parameters = ResNet18();
        parameters.Outputs = ["features", "Pooling395_Output_0"];

        var metrics = harness.Run(new ImageCnnEmbeddingStage("resnet18"), Parameters(parameters));

        Assert.Equal("Pooling395_Output_0", (string)metrics["image.cnn.resnet18.output"]!);
        Assert.All(FeatureTable.Read(harness.PathOf(ImageArtifactPaths.CnnEmbedding("resnet18"))).Vectors, v => Assert.Equal(512, v.Length));
    }

    [Fact]
    public void ARecipeCheckOnAGraphWithoutClassScoresSaysWhichSettingToFix()
    {
        PreprocessTwoPhotos();
        var parameters = ResNet18();
        parameters.ImagenetOutput = "output";

        var error = Assert.Throws<InvalidDataException>(() => harness.Run(new ImageCnnEmbeddingStage("resnet18"), Parameters(parameters)));

        Assert.Contains("images.cnn.resnet18: the model has no output 'output' of class scores", error.Message);
        Assert.Contains("images.cnn.resnet18.imagenet_output", error.Message);
    }

    [Fact]
    public void AnUnknownOutputNamesTheGraphsOutputs()
    {
        PreprocessTwoPhotos();
        var parameters = ResNet18();
        parameters.Outputs = ["logits"];

        var error = Assert.Throws<InvalidDataException>(() => harness.Run(new ImageCnnEmbeddingStage("resnet18"), Parameters(parameters)));

        Assert.Contains("'logits'", error.Message);
        Assert.Contains("Pooling395_Output_0", error.Message);
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }
}
