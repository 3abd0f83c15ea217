namespace PlaceDeMarche.Pipeline.TestSupport.Onnx;

/// <summary>
/// One dimension of a declared input or output shape: a fixed size, or a named dynamic dimension such as "batch".
/// Converts implicitly from a number or a string, so shapes read <c>("batch", 3)</c>.
/// </summary>
public readonly record struct OnnxDimension
{
    private OnnxDimension(long? size, string? symbol)
    {
        Size = size;
        Symbol = symbol;
    }

    /// <summary>The fixed size, or null for a dynamic dimension.</summary>
    public long? Size { get; }

    /// <summary>The dynamic dimension's name, or null for a fixed size.</summary>
    public string? Symbol { get; }

    /// <summary>A fixed-size dimension.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is negative.</exception>
    public static OnnxDimension Fixed(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new OnnxDimension(size, null);
    }

    /// <summary>A dynamic dimension; dimensions sharing a name must agree at run time.</summary>
    public static OnnxDimension Dynamic(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return new OnnxDimension(null, symbol);
    }

    /// <summary>A fixed-size dimension.</summary>
    public static implicit operator OnnxDimension(long size) => Fixed(size);

    /// <summary>A dynamic dimension named <paramref name="symbol"/>.</summary>
    public static implicit operator OnnxDimension(string symbol) => Dynamic(symbol);

    /// <summary>Writes a TensorShapeProto.Dimension (dim_value = 1, dim_param = 2).</summary>
    internal void WriteTo(ProtobufWriter writer)
    {
        if (Symbol is null)
        {
            writer.WriteInt64(1, Size ?? 0);
        }
        else
        {
            writer.WriteString(2, Symbol);
        }
    }
}
