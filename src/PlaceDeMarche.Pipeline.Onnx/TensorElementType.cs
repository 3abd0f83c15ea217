namespace PlaceDeMarche.Pipeline.Onnx;

/// <summary>
/// Element type of a tensor. The numeric values are those of ONNX <c>TensorProto.DataType</c>, which ONNX Runtime's
/// <c>ONNXTensorElementDataType</c> mirrors, so one enum serves both the model file and the runtime.
/// </summary>
public enum TensorElementType
{
    /// <summary>Not a tensor, or type not declared.</summary>
    Undefined = 0,
    /// <summary>32-bit IEEE float.</summary>
    Float = 1,
    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8 = 2,
    /// <summary>Signed 8-bit integer.</summary>
    Int8 = 3,
    /// <summary>Unsigned 16-bit integer.</summary>
    UInt16 = 4,
    /// <summary>Signed 16-bit integer.</summary>
    Int16 = 5,
    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 6,
    /// <summary>Signed 64-bit integer (token ids of BERT-style models).</summary>
    Int64 = 7,
    /// <summary>UTF-8 string.</summary>
    String = 8,
    /// <summary>Boolean, one byte per element.</summary>
    Bool = 9,
    /// <summary>IEEE half precision.</summary>
    Float16 = 10,
    /// <summary>64-bit IEEE float.</summary>
    Double = 11,
    /// <summary>Unsigned 32-bit integer.</summary>
    UInt32 = 12,
    /// <summary>Unsigned 64-bit integer.</summary>
    UInt64 = 13,
    /// <summary>Complex number of two floats.</summary>
    Complex64 = 14,
    /// <summary>Complex number of two doubles.</summary>
    Complex128 = 15,
    /// <summary>Brain floating point (float32 truncated to 16 bits).</summary>
    BFloat16 = 16,
}
