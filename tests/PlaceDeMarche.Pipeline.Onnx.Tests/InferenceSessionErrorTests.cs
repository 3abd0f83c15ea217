using System.Text;

namespace PlaceDeMarche.Pipeline.Onnx.Tests;

public sealed class InferenceSessionErrorTests
{
    [Fact]
    public void Bytes_that_are_not_a_model_raise_the_runtimes_protobuf_error()
    {
        byte[] garbage = Encoding.ASCII.GetBytes("this is not an ONNX model");

        var error = Assert.Throws<OnnxRuntimeException>(() => InferenceSession.FromBytes(garbage));

        Assert.Equal(OnnxRuntimeErrorCode.InvalidProtobuf, error.ErrorCode);
        Assert.Contains("protobuf parsing failed", error.RuntimeMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(error.RuntimeMessage, error.Message);
        Assert.Contains("in-memory model (25 bytes)", error.Message);
    }

    [Fact]
    public void A_graph_using_an_unknown_value_is_rejected_with_the_runtimes_message()
    {
        byte[] model = new Building.OnnxGraphBuilder("dangling")
            .AddInput("x", TensorElementType.Float, 2)
            .AddNode("Add", ["x", "nowhere"], ["y"])
            .AddOutput("y", TensorElementType.Float, 2)
            .ToBytes();

        var error = Assert.Throws<OnnxRuntimeException>(() => InferenceSession.FromBytes(model));

        Assert.Contains("nowhere", error.RuntimeMessage);
    }

    [Fact]
    public void Missing_input_is_named_with_the_full_list_of_inputs()
    {
        using InferenceSession session = InferenceSession.FromBytes(TestModels.MaskedMeanPooling());

        var error = Assert.Throws<ArgumentException>(() => session.Run(
            new Dictionary<string, OnnxTensor> { ["input_ids"] = OnnxTensor.FromInt64s([1], 1, 1) }));

        Assert.Contains("Input 'attention_mask'", error.Message);
        Assert.Contains("was not given", error.Message);
        Assert.Contains("input_ids: Int64[-1, -1]", error.Message);
    }

    [Fact]
    public void Unknown_input_name_is_rejected_before_running()
    {
        using InferenceSession session = InferenceSession.FromBytes(TestModels.AffineRelu());

        var error = Assert.Throws<ArgumentException>(() => session.Run(
            new Dictionary<string, OnnxTensor> { ["x"] = OnnxTensor.FromFloats([1f, 2f, 3f], 1, 3), ["X"] = OnnxTensor.FromFloats([1f], 1) }));

        Assert.Contains("'X' is not an input", error.Message);
    }

    [Fact]
    public void Unknown_output_name_is_rejected()
    {
        using InferenceSession session = InferenceSession.FromBytes(TestModels.AffineRelu());

        var error = Assert.Throws<ArgumentException>(() => session.Run(["x"], [OnnxTensor.FromFloats([1f, 2f, 3f], 1, 3)], ["z"]));

        Assert.Contains("'z' is not an output", error.Message);
        Assert.Contains("y: Float[-1, 2]", error.Message);
    }

    [Fact]
    public void Input_given_twice_is_rejected()
    {
        using InferenceSession session = InferenceSession.FromBytes(TestModels.AffineRelu());
        OnnxTensor x = OnnxTensor.FromFloats([1f, 2f, 3f], 1, 3);

        var error = Assert.Throws<ArgumentException>(() => session.Run(["x", "x"], [x, x], ["y"]));

        Assert.Contains("given twice", error.Message);
    }

    [Fact]
    public void Wrong_element_type_or_shape_is_reported_by_the_runtime()
    {
        using InferenceSession session = InferenceSession.FromBytes(TestModels.AffineRelu());

        var wrongType = Assert.Throws<OnnxRuntimeException>(() => session.Run(["x"], [OnnxTensor.FromInt64s([1, 2, 3], 1, 3)], ["y"]));
        var wrongShape = Assert.Throws<OnnxRuntimeException>(() => session.Run(["x"], [OnnxTensor.FromFloats([1f, 2f, 3f, 4f], 1, 4)], ["y"]));

        Assert.Equal(OnnxRuntimeErrorCode.InvalidArgument, wrongType.ErrorCode);
        Assert.Contains("tensor(int64)", wrongType.RuntimeMessage);
        Assert.Equal(OnnxRuntimeErrorCode.InvalidArgument, wrongShape.ErrorCode);
        Assert.Contains("Running in-memory model", wrongShape.Message);
    }

    [Fact]
    public void Missing_model_file_names_the_path()
    {
        string path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.onnx");

        var error = Assert.Throws<FileNotFoundException>(() => InferenceSession.Open(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Dispose_twice_is_safe_and_running_afterwards_is_an_object_disposed_error()
    {
        InferenceSession session = InferenceSession.FromBytes(TestModels.AffineRelu());

        session.Dispose();
        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.Run(["x"], [OnnxTensor.FromFloats([1f, 2f, 3f], 1, 3)], ["y"]));
    }

    [Fact]
    public void Negative_thread_count_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => InferenceSession.FromBytes(TestModels.AffineRelu(), new SessionOptions { IntraOpThreads = -1 }));
    }
}
