using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.Supervised.Prediction;
using PlaceDeMarche.Pipeline.Text.Stages;

namespace PlaceDeMarche.Pipeline.Supervised.Stages;

/// <summary>
/// What the supervised stage reads from pipeline.yaml: its own section, the seed, and the text and image settings
/// (colour histograms, each pretrained CNN and how ONNX models run) the saved model must apply to a new product (so they are part of the stage's fingerprint too).
/// </summary>
public sealed record SupervisedStageParameters(
    int Seed,
    SupervisedParameters Section,
    TextCleaningParameters Cleaning,
    TfIdfParameters TfIdf,
    ImagePreprocessParameters ImagePreprocess,
    ImageColorHistogramParameters ColorHistogram,
    IReadOnlyDictionary<string, SavedCnnModel> Cnn,
    OnnxSettings Onnx);
