using System.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PlaceDeMarche.Pipeline.TestSupport.Logging;
using PlaceDeMarche.Pipeline.TestSupport.Onnx;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Onnx.Tests;

public sealed class OnnxModelErrorTests
{
    private readonly RecordingLog log = new();

    [Fact]
    public void A_missing_model_file_names_the_file_and_the_pipeline_yaml_key()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.onnx");

        var error = Assert.Throws<FileNotFoundException>(() => OnnxModel.Open(path, "minilm", "models.minilm.source", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section), log));

        Assert.Contains(path, error.Message);
        Assert.Contains("models.minilm.source in pipeline.yaml", error.Message);
        Assert.Contains("'minilm'", error.Message);
    }

    [Fact]
    public void Bytes_that_are_not_a_model_are_refused_with_the_model_name_and_the_runtimes_reason()
    {
        var garbage = Encoding.ASCII.GetBytes("this is not an ONNX model");

        var error = Assert.Throws<OnnxModelException>(() => OnnxModel.FromBytes(garbage, "garbage", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section), log));

        Assert.Contains("model 'garbage'", error.Message);
        Assert.Contains("25 bytes in memory", error.Message);
        Assert.IsType<OnnxRuntimeException>(error.InnerException);
        Assert.Contains(error.InnerException!.Message, error.Message);
    }

    [Fact]
    public void A_graph_using_an_unknown_value_is_refused_with_the_runtimes_message()
    {
        var bytes = new OnnxGraphBuilder("dangling")
            .AddInput("x", TensorElementType.Float, 2)
            .AddNode("Add", ["x", "nowhere"], ["y"])
            .AddOutput("y", TensorElementType.Float, 2)
            .ToBytes();

        var error = Assert.Throws<OnnxModelException>(() => OnnxModel.FromBytes(bytes, "dangling", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section), log));

        Assert.Contains("nowhere", error.Message);
    }

    [Fact]
    public void A_wrong_shape_names_the_model_the_input_and_the_expected_and_given_shapes()
    {
        using var model = OnnxModel.FromBytes(TestModels.AffineRelu(), "affine", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section), log);
        using var x = OrtValue.CreateTensorValueFromMemory(new float[8], [2, 4]);

        var error = Assert.Throws<ArgumentException>(() => model.Run(["x"], [x], ["y"]));

        Assert.Equal("ONNX model 'affine': input 'x' expects shape [batch, 3]; shape [2, 4] was given.", error.Message);
    }

    [Fact]
    public void A_wrong_rank_is_a_wrong_shape()
    {
        using var model = OnnxModel.FromBytes(TestModels.AffineRelu(), "affine", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section), log);
        using var x = OrtValue.CreateTensorValueFromMemory(new float[3], [3]);

        var error = Assert.Throws<ArgumentException>(() => model.Run(["x"], [x], ["y"]));

        Assert.Contains("expects shape [batch, 3]; shape [3] was given", error.Message);
    }

    [Fact]
    public void A_wrong_element_type_names_both_types()
    {
        using var model = OnnxModel.FromBytes(TestModels.AffineRelu(), "affine", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section), log);
        using var x = OrtValue.CreateTensorValueFromMemory(new long[3], [1, 3]);

        var error = Assert.Throws<ArgumentException>(() => model.Run(["x"], [x], ["y"]));

        Assert.Contains("input 'x' expects Float elements", error.Message);
        Assert.Contains("Int64 elements were given", error.Message);
    }

    [Fact]
    public void A_missing_input_is_named_with_the_full_list_of_inputs()
    {
        using var model = OnnxModel.FromBytes(TestModels.MaskedMeanPooling(), "pooling", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section), log);
        using var ids = OrtValue.CreateTensorValueFromMemory(new long[] { 1 }, [1, 1]);

        var error = Assert.Throws<ArgumentException>(() => model.Run(["input_ids"], [ids], ["sentence_embedding"]));

        Assert.Contains("input 'attention_mask' was not given", error.Message);
        Assert.Contains("input_ids: Int64[batch, sequence]", error.Message);
    }

    [Fact]
    public void Unknown_twice_given_or_unpaired_inputs_and_unknown_outputs_are_refused_before_running()
    {
        using var model = OnnxModel.FromBytes(TestModels.AffineRelu(), "affine", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section), log);
        using var x = OrtValue.CreateTensorValueFromMemory(new float[3], [1, 3]);

        Assert.Contains("has no input 'X'; its inputs are x: Float[batch, 3]", Assert.Throws<ArgumentException>(() => model.Run(["X"], [x], ["y"])).Message);
        Assert.Contains("input 'x' is given twice", Assert.Throws<ArgumentException>(() => model.Run(["x", "x"], [x, x], ["y"])).Message);
        Assert.Contains("2 input names were given for 1 values", Assert.Throws<ArgumentException>(() => model.Run(["x", "y"], [x], ["y"])).Message);
        Assert.Contains("has no output 'z'; its outputs are y: Float[batch, 2]", Assert.Throws<ArgumentException>(() => model.Run(["x"], [x], ["z"])).Message);
    }
}
