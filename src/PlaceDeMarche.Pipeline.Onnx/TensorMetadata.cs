namespace PlaceDeMarche.Pipeline.Onnx;

/// <summary>Declared name, element type and shape of a model input or output.</summary>
/// <param name="Name">Name used to feed or fetch the value.</param>
/// <param name="ElementType">Element type; <see cref="TensorElementType.Undefined"/> for non-tensor values (maps, sequences).</param>
/// <param name="Shape">Dimensions, -1 where the model leaves a dimension dynamic (e.g. the batch); empty for scalars and non-tensors.</param>
public sealed record TensorMetadata(string Name, TensorElementType ElementType, IReadOnlyList<long> Shape)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name}: {ElementType}[{string.Join(", ", Shape)}]";
}
