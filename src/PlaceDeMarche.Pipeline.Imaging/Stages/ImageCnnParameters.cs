namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>
/// One pretrained image model of <c>images.cnn</c> in pipeline.yaml: where its file is and its checksum, what its
/// graph expects (input, preprocessing) and which output is the embedding.
/// </summary>
public sealed class ImageCnnParameters
{
    /// <summary>The .onnx file: workspace-relative or absolute, or <c>package:&lt;path&gt;</c> for a file a NuGet package copies beside the program.</summary>
    public string Model { get; set; } = "";

    /// <summary>Expected SHA-256 of <see cref="Model"/>: another file is refused.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Where the file comes from (documentation, printed when it is missing).</summary>
    public string Source { get; set; } = "";

    public string Licence { get; set; } = "";

    /// <summary>An ONNX graph that turns the tensor the stage writes into the model's input (empty: none).</summary>
    public string PreprocessModel { get; set; } = "";

    public string PreprocessSha256 { get; set; } = "";

    /// <summary>Name of the image input, float [N, 3, input_size, input_size].</summary>
    public string Input { get; set; } = "";

    /// <summary>Name of the output used as the embedding (flattened per image).</summary>
    public string Output { get; set; } = "";

    /// <summary>How the output is pooled; documentation of the graph, which pools itself (<c>in_graph</c> is the only value).</summary>
    public string Pooling { get; set; } = "in_graph";

    public int InputSize { get; set; } = 224;

    /// <summary>The photo is resized so its shorter side is this, then centre-cropped to <see cref="InputSize"/>.</summary>
    public int ResizeShorter { get; set; } = 256;

    /// <summary><c>crop</c> (shorter side to <see cref="ResizeShorter"/>, centre crop) or <c>pad</c> (whole photo on a white square).</summary>
    public string Fit { get; set; } = "crop";

    /// <summary>Pixels are divided by this before mean/std (255 for [0, 1] inputs, 1 for [0, 255]).</summary>
    public float PixelDivisor { get; set; } = 255;

    /// <summary>Per-channel mean, RGB order, in the units after <see cref="PixelDivisor"/>.</summary>
    public float[] Mean { get; set; } = [0, 0, 0];

    /// <summary>Per-channel standard deviation, RGB order.</summary>
    public float[] Std { get; set; } = [1, 1, 1];

    /// <summary><c>rgb</c> or <c>bgr</c>: the order of the planes in the tensor.</summary>
    public string ChannelOrder { get; set; } = "rgb";

    /// <summary>Only <c>nchw</c> (planar) is supported.</summary>
    public string Layout { get; set; } = "nchw";

    /// <summary>Images per inference call when the graph accepts any batch (a fixed batch in the graph wins).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Average the embeddings of the photo and of its mirror image (test-time augmentation).</summary>
    public bool FlipAverage { get; set; }

    /// <summary>Signed power applied to each embedding value before the row normalisation (1: none, 0.5: square root).</summary>
    public float Power { get; set; } = 1;

    /// <summary><c>l2</c> (unit-length rows) or <c>none</c>.</summary>
    public string Normalization { get; set; } = "l2";
}
