using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Imaging.Embeddings;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>
/// One pretrained image model of <c>images.cnn</c> in pipeline.yaml: where its file is and its checksum, what its
/// graph expects (input, preprocessing) and which output is the embedding.
/// </summary>
public sealed class ImageCnnParameters
{
    /// <summary>Prefix of <see cref="Model"/> for files a NuGet package copies beside the program.</summary>
    public const string PackagePrefix = "package:";

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

    /// <summary>The input recipe these settings describe, checked.</summary>
    /// <param name="section">Names the settings in errors, e.g. <c>images.cnn.resnet18</c>.</param>
    /// <exception cref="PipelineConfigurationException">A setting is out of range or unknown.</exception>
    public CnnInputRecipe Recipe(string section)
    {
        var order = ChannelOrder switch
        {
            "rgb" => Embeddings.ChannelOrder.Rgb,
            "bgr" => Embeddings.ChannelOrder.Bgr,
            _ => throw new PipelineConfigurationException($"{section}.channel_order must be rgb or bgr, not '{ChannelOrder}'."),
        };
        var pad = Fit switch
        {
            "crop" => false,
            "pad" => true,
            _ => throw new PipelineConfigurationException($"{section}.fit must be crop or pad, not '{Fit}'."),
        };
        if (Layout != "nchw" || Power <= 0 || Pooling != "in_graph" || Normalization is not ("l2" or "none") || BatchSize < 1
            || Input.Length == 0 || Output.Length == 0)
        {
            throw new PipelineConfigurationException(
                $"{section}: layout must be nchw (got '{Layout}'), pooling in_graph (got '{Pooling}'), power positive (got {Power}), normalization l2 or none " +
                $"(got '{Normalization}'), batch_size at least 1 (got {BatchSize}), and input and output must name the graph's tensors.");
        }

        var recipe = new CnnInputRecipe(ResizeShorter, InputSize, PixelDivisor, Mean, Std, order, pad);
        try
        {
            recipe.Validate(section);
        }
        catch (ArgumentException e)
        {
            throw new PipelineConfigurationException(e.Message, e);
        }

        return recipe;
    }

    /// <summary>The embedding as the study uses it: signed power (damps the few dominant activations), then the row norm; a new array.</summary>
    public float[] Normalize(ReadOnlySpan<float> raw)
    {
        var result = raw.ToArray();
        if (Power != 1)
        {
            for (var j = 0; j < result.Length; j++)
            {
                result[j] = MathF.CopySign(MathF.Pow(MathF.Abs(result[j]), Power), result[j]);
            }
        }

        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(result);
        if (Normalization == "l2" && norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(result, norm, result);
        }

        return result;
    }

    /// <summary>Absolute path of a declared model file: <c>package:</c> paths below <paramref name="programDirectory"/>, others below the workspace.</summary>
    public static string ResolvePath(string declared, string workspaceRoot, string programDirectory) =>
        declared.StartsWith(PackagePrefix, StringComparison.Ordinal)
            ? Path.GetFullPath(declared[PackagePrefix.Length..], programDirectory)
            : Path.GetFullPath(declared, workspaceRoot);
}
