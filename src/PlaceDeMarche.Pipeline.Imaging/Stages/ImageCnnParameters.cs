using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Imaging.Embeddings;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>
/// One pretrained image model of <c>images.cnn</c> in pipeline.yaml: what its graph expects (input, preprocessing)
/// and which output is the embedding. Its files, their checksums and its licence are in the <c>models</c> catalog.
/// </summary>
public sealed class ImageCnnParameters
{
    /// <summary>Name of the image input, float [N, 3, input_size, input_size].</summary>
    public required string Input { get; set; }

    /// <summary>Outputs that can serve as the embedding (flattened per image): the first the graph has is used, so one entry fits several sources of a model.</summary>
    public required string[] Outputs { get; set; }

    /// <summary>
    /// The graph's output of ImageNet class scores, when it has one: each run then checks the recipe on synthesised
    /// pictures (<see cref="Embeddings.ImageNetRecipeCheck"/>). Empty for a graph without classifier.
    /// </summary>
    public required string ImagenetOutput { get; set; }

    /// <summary>How the output is pooled; documentation of the graph, which pools itself (<c>in_graph</c> is the only value).</summary>
    public required string Pooling { get; set; }

    public required int InputSize { get; set; }

    /// <summary>The photo is resized so its shorter side is this, then centre-cropped to <see cref="InputSize"/>.</summary>
    public required int ResizeShorter { get; set; }

    /// <summary><c>crop</c> (shorter side to <see cref="ResizeShorter"/>, centre crop) or <c>pad</c> (whole photo on a white square).</summary>
    public required string Fit { get; set; }

    /// <summary>Pixels are divided by this before mean/std (255 for [0, 1] inputs, 1 for [0, 255]).</summary>
    public required float PixelDivisor { get; set; }

    /// <summary>Per-channel mean, RGB order, in the units after <see cref="PixelDivisor"/>.</summary>
    public required float[] Mean { get; set; }

    /// <summary>Per-channel standard deviation, RGB order.</summary>
    public required float[] Std { get; set; }

    /// <summary><c>rgb</c> or <c>bgr</c>: the order of the planes in the tensor.</summary>
    public required string ChannelOrder { get; set; }

    /// <summary>Only <c>nchw</c> (planar) is supported.</summary>
    public required string Layout { get; set; }

    /// <summary>Images per inference call when the graph accepts any batch (a fixed batch in the graph wins).</summary>
    public required int BatchSize { get; set; }

    /// <summary>Average the embeddings of the photo and of its mirror image (test-time augmentation).</summary>
    public required bool FlipAverage { get; set; }

    /// <summary>Signed power applied to each embedding value before the row normalisation (1: none, 0.5: square root).</summary>
    public required float Power { get; set; }

    /// <summary><c>l2</c> (unit-length rows) or <c>none</c>.</summary>
    public required string Normalization { get; set; }

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
            || Input.Length == 0 || Outputs.Length == 0 || Outputs.Any(o => o.Length == 0))
        {
            throw new PipelineConfigurationException(
                $"{section}: layout must be nchw (got '{Layout}'), pooling in_graph (got '{Pooling}'), power positive (got {Power}), normalization l2 or none " +
                $"(got '{Normalization}'), batch_size at least 1 (got {BatchSize}), and input and outputs must name the graph's tensors.");
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
}
