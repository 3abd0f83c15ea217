namespace PlaceDeMarche.Pipeline.Onnx.Tests;

public sealed class InferenceSessionMetadataTests
{
    [Fact]
    public void Inputs_and_outputs_report_names_types_and_dynamic_dimensions_as_minus_one()
    {
        using InferenceSession session = InferenceSession.FromBytes(TestModels.MaskedMeanPooling());

        Assert.Equal(
            [
                new TensorMetadata("input_ids", TensorElementType.Int64, [-1, -1]),
                new TensorMetadata("attention_mask", TensorElementType.Int64, [-1, -1]),
            ],
            session.Inputs,
            MetadataComparer.Instance);
        Assert.Equal(
            [new TensorMetadata("sentence_embedding", TensorElementType.Float, [-1, 2])],
            session.Outputs,
            MetadataComparer.Instance);
    }

    [Fact]
    public void Fixed_dimensions_are_reported_and_initializers_are_not_inputs()
    {
        using InferenceSession session = InferenceSession.FromBytes(TestModels.FlattenScaleArgMax());

        TensorMetadata input = Assert.Single(session.Inputs);
        Assert.Equal("x", input.Name);
        Assert.Equal(new long[] { -1, 2, 3 }, input.Shape);
        Assert.Equal(["y", "argmax"], session.Outputs.Select(output => output.Name));
        Assert.Equal(TensorElementType.Int64, session.Outputs[1].ElementType);
    }

    private sealed class MetadataComparer : IEqualityComparer<TensorMetadata>
    {
        public static readonly MetadataComparer Instance = new();

        public bool Equals(TensorMetadata? x, TensorMetadata? y) =>
            x is not null && y is not null && x.Name == y.Name && x.ElementType == y.ElementType && x.Shape.SequenceEqual(y.Shape);

        public int GetHashCode(TensorMetadata obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
