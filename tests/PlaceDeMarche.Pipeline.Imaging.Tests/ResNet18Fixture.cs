using PlaceDeMarche.Pipeline.Imaging.Embeddings;
using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.Onnx.Models;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Imaging.Tests;

/// <summary>
/// The real ResNet18 of Microsoft.ML.DnnImageFeaturizer.ResNet18, whose package copies it beside every test assembly
/// that references Imaging (DnnImageModels/): its input recipe as pipeline.yaml declares it, and catalog files naming
/// those copies as plain files. Shared with the supervised tests (linked), so both use one declaration.
/// </summary>
internal static class ResNet18Fixture
{
    public const string Sha256 = "e2552f19db2dfdb01b3669537b6a0f1b44da38d18279535492ed5dfc2ef1ff8f";

    public static readonly string ModelFile = Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");

    /// <summary>The study's recipe of the model (pipeline.yaml's <c>images.cnn.resnet18</c>).</summary>
    public static ImageCnnParameters Parameters() => StudyConfiguration.Bind<ImageCnnParameters>("images.cnn.resnet18");

    /// <summary>The catalog files: <paramref name="modelSources"/> (path, sha256) in order, the package's copy when none, then the preprocessing graph.</summary>
    public static Dictionary<string, List<ModelFileSource>> Files(params (string Source, string Sha256)[] modelSources) => new()
    {
        ["model"] = modelSources.Length == 0
            ? [new ModelFileSource { Source = ModelFile, Sha256 = Sha256 }]
            : [.. modelSources.Select(m => new ModelFileSource { Source = m.Source, Sha256 = m.Sha256 })],
        [CnnModelFiles.PreprocessRole] =
        [
            new ModelFileSource
            {
                Source = Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNetPrepOnnx", "ResNetPreprocess.onnx"),
                Sha256 = "84bf8def78d0befaa3f6e73745d57d7016c6a192ead76f79686bd438c1047004",
            },
        ],
    };
}
