using System.Buffers.Binary;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace PlaceDeMarche.Pipeline.TestSupport.Onnx;

/// <summary>
/// Builds a small ONNX model in code and serializes it to ModelProto bytes, so tests can run real graphs through
/// ONNX Runtime without model files. Nodes use the standard operator set (MatMul, Add, Relu, ReduceMean, Gather,
/// Mul, Div, Flatten, ...) at <see cref="DefaultOpsetVersion"/> unless told otherwise.
/// </summary>
/// <example>
/// y = Relu(x·W + b), with a dynamic batch:
/// <code>
/// byte[] model = new OnnxGraphBuilder("affine_relu")
///     .AddInput("x", TensorElementType.Float, "batch", 3)
///     .AddInitializer("W", weights, 3, 2)
///     .AddInitializer("b", bias, 2)
///     .AddNode("MatMul", ["x", "W"], ["xW"])
///     .AddNode("Add", ["xW", "b"], ["z"])
///     .AddNode("Relu", ["z"], ["y"])
///     .AddOutput("y", TensorElementType.Float, "batch", 2)
///     .ToBytes();
/// </code>
/// </example>
public sealed class OnnxGraphBuilder
{
    /// <summary>Operator set used unless the constructor says otherwise.</summary>
    public const int DefaultOpsetVersion = 13;

    // IR version 8 (ONNX 1.10) covers the operator sets up to 17; every ONNX Runtime 1.x since 1.10 reads it.
    private const long IrVersion = 8;

    // Field numbers from onnx.proto.
    private const int ModelIrVersionField = 1;
    private const int ModelProducerNameField = 2;
    private const int ModelGraphField = 7;
    private const int ModelOpsetImportField = 8;
    private const int OpsetVersionField = 2;
    private const int GraphNodeField = 1;
    private const int GraphNameField = 2;
    private const int GraphInitializerField = 5;
    private const int GraphInputField = 11;
    private const int GraphOutputField = 12;
    private const int NodeInputField = 1;
    private const int NodeOutputField = 2;
    private const int NodeNameField = 3;
    private const int NodeOpTypeField = 4;
    private const int NodeAttributeField = 5;
    private const int TensorDimsField = 1;
    private const int TensorDataTypeField = 2;
    private const int TensorNameField = 8;
    private const int TensorRawDataField = 9;
    private const int ValueInfoNameField = 1;
    private const int ValueInfoTypeField = 2;
    private const int TypeTensorTypeField = 1;
    private const int TensorTypeElemTypeField = 1;
    private const int TensorTypeShapeField = 2;
    private const int ShapeDimField = 1;

    private readonly string graphName;
    private readonly int opsetVersion;
    private readonly List<ProtobufWriter> nodes = [];
    private readonly List<ProtobufWriter> initializers = [];
    private readonly List<ProtobufWriter> inputs = [];
    private readonly List<ProtobufWriter> outputs = [];

    /// <summary>Starts an empty graph.</summary>
    /// <param name="graphName">Name of the graph (appears in runtime messages).</param>
    /// <param name="opsetVersion">Version of the default ONNX operator set the nodes follow (7 to 17).</param>
    public OnnxGraphBuilder(string graphName = "graph", int opsetVersion = DefaultOpsetVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(graphName);
        ArgumentOutOfRangeException.ThrowIfLessThan(opsetVersion, 7);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(opsetVersion, 17);
        this.graphName = graphName;
        this.opsetVersion = opsetVersion;
    }

    /// <summary>Declares a graph input; use strings for dynamic dimensions, e.g. <c>("batch", 3)</c>. No dimension: a scalar.</summary>
    public OnnxGraphBuilder AddInput(string name, TensorElementType elementType, params OnnxDimension[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        inputs.Add(ValueInfo(name, elementType, shape));
        return this;
    }

    /// <summary>Declares a graph output whose shape is left for the runtime to infer.</summary>
    public OnnxGraphBuilder AddOutput(string name, TensorElementType elementType)
    {
        outputs.Add(ValueInfo(name, elementType, shape: null));
        return this;
    }

    /// <summary>Declares a graph output with its shape; use strings for dynamic dimensions. No dimension: a scalar.</summary>
    public OnnxGraphBuilder AddOutput(string name, TensorElementType elementType, params OnnxDimension[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        outputs.Add(ValueInfo(name, elementType, shape));
        return this;
    }

    /// <summary>Adds a constant float32 tensor (weights, biases) that nodes can use by name.</summary>
    /// <exception cref="ArgumentException">The shape does not match the number of values.</exception>
    public OnnxGraphBuilder AddInitializer(string name, float[] values, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        byte[] raw = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), values[i]);
        }

        initializers.Add(Initializer(name, TensorElementType.Float, values.Length, shape, raw));
        return this;
    }

    /// <summary>Adds a constant int64 tensor (indices, target shapes) that nodes can use by name.</summary>
    /// <exception cref="ArgumentException">The shape does not match the number of values.</exception>
    public OnnxGraphBuilder AddInitializer(string name, long[] values, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        byte[] raw = new byte[values.Length * sizeof(long)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * sizeof(long)), values[i]);
        }

        initializers.Add(Initializer(name, TensorElementType.Int64, values.Length, shape, raw));
        return this;
    }

    /// <summary>Adds a node of the default ONNX domain. Nodes must be added in topological order.</summary>
    /// <param name="opType">Operator, e.g. "MatMul".</param>
    /// <param name="nodeInputs">Names of the values it reads (graph inputs, initializers or earlier node outputs).</param>
    /// <param name="nodeOutputs">Names of the values it produces.</param>
    /// <param name="attributes">Operator attributes, e.g. <c>OnnxAttribute.Ints("axes", 1)</c>.</param>
    public OnnxGraphBuilder AddNode(string opType, string[] nodeInputs, string[] nodeOutputs, params OnnxAttribute[] attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(opType);
        ArgumentNullException.ThrowIfNull(nodeInputs);
        ArgumentNullException.ThrowIfNull(nodeOutputs);
        ArgumentNullException.ThrowIfNull(attributes);
        var node = new ProtobufWriter();
        foreach (string input in nodeInputs)
        {
            node.WriteString(NodeInputField, input);
        }

        foreach (string output in nodeOutputs)
        {
            node.WriteString(NodeOutputField, output);
        }

        // A unique name makes the runtime's error messages point at the node.
        node.WriteString(NodeNameField, $"{opType}_{nodes.Count}");
        node.WriteString(NodeOpTypeField, opType);
        foreach (OnnxAttribute attribute in attributes)
        {
            var encoded = new ProtobufWriter();
            attribute.WriteTo(encoded);
            node.WriteMessage(NodeAttributeField, encoded);
        }

        nodes.Add(node);
        return this;
    }

    /// <summary>Serializes the model (ModelProto) to bytes, ready for <see cref="InferenceSession.FromBytes"/>.</summary>
    public byte[] ToBytes()
    {
        var graph = new ProtobufWriter();
        nodes.ForEach(node => graph.WriteMessage(GraphNodeField, node));
        graph.WriteString(GraphNameField, graphName);
        initializers.ForEach(initializer => graph.WriteMessage(GraphInitializerField, initializer));
        inputs.ForEach(input => graph.WriteMessage(GraphInputField, input));
        outputs.ForEach(output => graph.WriteMessage(GraphOutputField, output));

        var opset = new ProtobufWriter();
        opset.WriteInt64(OpsetVersionField, opsetVersion); // domain omitted: the default ONNX operator set

        var model = new ProtobufWriter();
        model.WriteInt64(ModelIrVersionField, IrVersion);
        model.WriteString(ModelProducerNameField, "PlaceDeMarche.Pipeline.Onnx");
        model.WriteMessage(ModelGraphField, graph);
        model.WriteMessage(ModelOpsetImportField, opset);
        return model.ToArray();
    }

    /// <summary>Writes the model to an .onnx file.</summary>
    public void Save(string path) => File.WriteAllBytes(path, ToBytes());

    private static ProtobufWriter ValueInfo(string name, TensorElementType elementType, OnnxDimension[]? shape)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var tensorType = new ProtobufWriter();
        tensorType.WriteInt64(TensorTypeElemTypeField, (long)elementType);
        if (shape is not null)
        {
            var shapeProto = new ProtobufWriter();
            foreach (OnnxDimension dimension in shape)
            {
                var dimensionProto = new ProtobufWriter();
                dimension.WriteTo(dimensionProto);
                shapeProto.WriteMessage(ShapeDimField, dimensionProto);
            }

            tensorType.WriteMessage(TensorTypeShapeField, shapeProto);
        }

        var type = new ProtobufWriter();
        type.WriteMessage(TypeTensorTypeField, tensorType);
        var valueInfo = new ProtobufWriter();
        valueInfo.WriteString(ValueInfoNameField, name);
        valueInfo.WriteMessage(ValueInfoTypeField, type);
        return valueInfo;
    }

    private static ProtobufWriter Initializer(string name, TensorElementType elementType, int count, long[] shape, byte[] rawData)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(shape);
        long expected = shape.Aggregate(1L, (product, dimension) => product * dimension);
        if (shape.Any(dimension => dimension < 0) || expected != count)
        {
            throw new ArgumentException(
                $"Initializer '{name}' has shape [{string.Join(", ", shape)}], i.e. {expected} values, but {count} were given.", nameof(shape));
        }

        var tensor = new ProtobufWriter();
        foreach (long dimension in shape)
        {
            tensor.WriteInt64(TensorDimsField, dimension);
        }

        tensor.WriteInt64(TensorDataTypeField, (long)elementType);
        tensor.WriteString(TensorNameField, name);
        tensor.WriteBytes(TensorRawDataField, rawData);
        return tensor;
    }
}
