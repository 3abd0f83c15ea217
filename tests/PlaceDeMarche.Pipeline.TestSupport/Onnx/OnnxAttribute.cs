namespace PlaceDeMarche.Pipeline.TestSupport.Onnx;

/// <summary>A node attribute (e.g. <c>axes</c> of ReduceMean, <c>axis</c> of Gather), written as an ONNX AttributeProto.</summary>
public sealed class OnnxAttribute
{
    // AttributeProto.AttributeType values and AttributeProto field numbers (onnx.proto).
    private const int FloatType = 1;
    private const int IntType = 2;
    private const int StringType = 3;
    private const int FloatsType = 6;
    private const int IntsType = 7;
    private const int NameField = 1;
    private const int FloatField = 2;
    private const int IntField = 3;
    private const int StringField = 4;
    private const int FloatsField = 7;
    private const int IntsField = 8;
    private const int TypeField = 20;

    private readonly int type;
    private readonly Action<ProtobufWriter> writeValue;

    private OnnxAttribute(string name, int type, Action<ProtobufWriter> writeValue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        this.type = type;
        this.writeValue = writeValue;
    }

    /// <summary>The attribute's name.</summary>
    public string Name { get; }

    /// <summary>An integer attribute, e.g. <c>Int("keepdims", 0)</c>.</summary>
    public static OnnxAttribute Int(string name, long value) => new(name, IntType, writer => writer.WriteInt64(IntField, value));

    /// <summary>An integer-list attribute, e.g. <c>Ints("axes", 1)</c>.</summary>
    public static OnnxAttribute Ints(string name, params long[] values)
    {
        long[] copy = (long[])values.Clone();
        return new(name, IntsType, writer =>
        {
            foreach (long value in copy)
            {
                writer.WriteInt64(IntsField, value);
            }
        });
    }

    /// <summary>A float attribute, e.g. <c>Float("alpha", 0.1f)</c>.</summary>
    public static OnnxAttribute Float(string name, float value) => new(name, FloatType, writer => writer.WriteFloat(FloatField, value));

    /// <summary>A float-list attribute.</summary>
    public static OnnxAttribute Floats(string name, params float[] values)
    {
        float[] copy = (float[])values.Clone();
        return new(name, FloatsType, writer =>
        {
            foreach (float value in copy)
            {
                writer.WriteFloat(FloatsField, value);
            }
        });
    }

    /// <summary>A string attribute, e.g. <c>String("mode", "constant")</c>.</summary>
    public static OnnxAttribute String(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(name, StringType, writer => writer.WriteString(StringField, value));
    }

    /// <summary>Writes the AttributeProto fields.</summary>
    internal void WriteTo(ProtobufWriter writer)
    {
        writer.WriteString(NameField, Name);
        writeValue(writer);
        writer.WriteInt64(TypeField, type);
    }
}
