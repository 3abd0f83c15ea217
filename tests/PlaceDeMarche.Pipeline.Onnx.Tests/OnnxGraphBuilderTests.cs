using System.Text;
using Microsoft.ML.OnnxRuntime.Tensors;
using PlaceDeMarche.Pipeline.TestSupport.Onnx;

namespace PlaceDeMarche.Pipeline.Onnx.Tests;

public sealed class OnnxGraphBuilderTests
{
    [Fact]
    public void Identity_graph_serializes_to_the_hand_encoded_model_proto()
    {
        byte[] model = new OnnxGraphBuilder("g")
            .AddInput("x", TensorElementType.Float, "n")
            .AddOutput("x", TensorElementType.Float)
            .ToBytes();

        // Encoded by hand from onnx.proto's field numbers (see the comments per message).
        byte[] graph =
        [
            0x12, 0x01, (byte)'g', // GraphProto.name = 2
            0x5A, 0x10, // GraphProto.input = 11, 16 bytes of ValueInfoProto
            0x0A, 0x01, (byte)'x', // ValueInfoProto.name = 1
            0x12, 0x0B, // ValueInfoProto.type = 2 (TypeProto)
            0x0A, 0x09, // TypeProto.tensor_type = 1
            0x08, 0x01, // Tensor.elem_type = 1 (FLOAT)
            0x12, 0x05, // Tensor.shape = 2
            0x0A, 0x03, // TensorShapeProto.dim = 1
            0x12, 0x01, (byte)'n', // Dimension.dim_param = 2
            0x62, 0x09, // GraphProto.output = 12, 9 bytes
            0x0A, 0x01, (byte)'x', 0x12, 0x04, 0x0A, 0x02, 0x08, 0x01, // no shape: rank left to inference
        ];
        byte[] producer = Encoding.UTF8.GetBytes("PlaceDeMarche.Pipeline.Onnx");
        byte[] expected =
        [
            0x08, 0x08, // ModelProto.ir_version = 1: 8
            0x12, (byte)producer.Length, .. producer, // ModelProto.producer_name = 2
            0x3A, (byte)graph.Length, .. graph, // ModelProto.graph = 7
            0x42, 0x02, 0x10, 0x0D, // ModelProto.opset_import = 8 { version = 2: 13 }
        ];

        Assert.Equal(expected, model);
    }

    [Fact]
    public void Initializer_shape_must_match_its_values()
    {
        var builder = new OnnxGraphBuilder();
        var error = Assert.Throws<ArgumentException>(() => builder.AddInitializer("W", new float[5], 3, 2));
        Assert.Contains("'W'", error.Message);
        Assert.Contains("6 values", error.Message);
    }

    [Fact]
    public void Dimensions_convert_from_numbers_and_names()
    {
        OnnxDimension fixedSize = 3;
        OnnxDimension dynamic = "batch";
        Assert.Equal(3, fixedSize.Size);
        Assert.Null(fixedSize.Symbol);
        Assert.Equal("batch", dynamic.Symbol);
        Assert.Null(dynamic.Size);
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxDimension.Fixed(-1));
    }

    [Fact]
    public void Opset_outside_the_supported_range_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnnxGraphBuilder("g", opsetVersion: 18));
    }
}
