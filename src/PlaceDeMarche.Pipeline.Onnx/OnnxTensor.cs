namespace PlaceDeMarche.Pipeline.Onnx;

/// <summary>
/// A dense row-major tensor of float32 or int64 elements, fed to or returned by an <see cref="InferenceSession"/>.
/// Input tensors wrap the caller's array without copying it: do not modify the array while a run uses it.
/// </summary>
public sealed class OnnxTensor
{
    private readonly float[]? floatData;
    private readonly long[]? int64Data;
    private readonly long[] shape;

    private OnnxTensor(TensorElementType elementType, float[]? floatData, long[]? int64Data, long[] shape, int length)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long expected = ElementCountOf(shape);
        if (expected != length)
        {
            throw new ArgumentException(
                $"A tensor of shape [{string.Join(", ", shape)}] has {expected} elements but {length} values were given.",
                nameof(shape));
        }

        ElementType = elementType;
        this.floatData = floatData;
        this.int64Data = int64Data;
        this.shape = (long[])shape.Clone();
        Shape = Array.AsReadOnly(this.shape);
    }

    /// <summary>Element type: <see cref="TensorElementType.Float"/> or <see cref="TensorElementType.Int64"/>.</summary>
    public TensorElementType ElementType { get; }

    /// <summary>Dimensions, outermost first.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>Number of elements (product of the dimensions; 1 for a scalar).</summary>
    public int ElementCount => floatData?.Length ?? int64Data!.Length;

    /// <summary>The float32 elements, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor does not hold float32 elements.</exception>
    public float[] FloatData => floatData
        ?? throw new InvalidOperationException($"This tensor holds {ElementType} elements, not Float; read {nameof(Int64Data)}.");

    /// <summary>The int64 elements, row-major.</summary>
    /// <exception cref="InvalidOperationException">The tensor does not hold int64 elements.</exception>
    public long[] Int64Data => int64Data
        ?? throw new InvalidOperationException($"This tensor holds {ElementType} elements, not Int64; read {nameof(FloatData)}.");

    /// <summary>Wraps float32 values (not copied) as a tensor of the given shape.</summary>
    /// <exception cref="ArgumentException">The shape has a negative dimension or does not match the number of values.</exception>
    public static OnnxTensor FromFloats(float[] data, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new OnnxTensor(TensorElementType.Float, data, null, shape, data.Length);
    }

    /// <summary>Wraps int64 values (not copied) as a tensor of the given shape, e.g. token ids [batch, sequence].</summary>
    /// <exception cref="ArgumentException">The shape has a negative dimension or does not match the number of values.</exception>
    public static OnnxTensor FromInt64s(long[] data, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new OnnxTensor(TensorElementType.Int64, null, data, shape, data.Length);
    }

    /// <summary>The dimensions as a span (no copy), for passing to the runtime.</summary>
    internal ReadOnlySpan<long> Dimensions => shape;

    /// <summary>The element array, boxed as the array it is, for pinning.</summary>
    internal Array Storage => (Array?)floatData ?? int64Data!;

    /// <summary>Bytes occupied by the elements.</summary>
    internal nuint ByteLength => (nuint)ElementCount * (nuint)(floatData is null ? sizeof(long) : sizeof(float));

    /// <summary>Product of the dimensions, checked for negative dimensions and overflow.</summary>
    /// <exception cref="ArgumentException">A dimension is negative or the product exceeds the largest .NET array.</exception>
    internal static long ElementCountOf(ReadOnlySpan<long> dimensions)
    {
        foreach (long dimension in dimensions)
        {
            if (dimension < 0)
            {
                throw new ArgumentException(
                    $"Tensor shape [{string.Join(", ", dimensions.ToArray())}] has a negative dimension; concrete tensors need sizes >= 0.");
            }
        }

        if (dimensions.Contains(0L))
        {
            return 0;
        }

        long count = 1;
        foreach (long dimension in dimensions)
        {
            if (count > Array.MaxLength / dimension)
            {
                throw new ArgumentException(
                    $"Tensor shape [{string.Join(", ", dimensions.ToArray())}] has more elements than a .NET array can hold.");
            }

            count *= dimension;
        }

        return count;
    }
}
