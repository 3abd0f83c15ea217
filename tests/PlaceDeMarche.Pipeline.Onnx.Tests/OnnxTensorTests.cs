namespace PlaceDeMarche.Pipeline.Onnx.Tests;

public sealed class OnnxTensorTests
{
    [Fact]
    public void Shape_must_match_the_number_of_values()
    {
        var error = Assert.Throws<ArgumentException>(() => OnnxTensor.FromFloats(new float[5], 2, 3));
        Assert.Contains("[2, 3]", error.Message);
        Assert.Contains("6 elements", error.Message);
    }

    [Fact]
    public void Negative_dimension_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => OnnxTensor.FromInt64s([], -1));
    }

    [Fact]
    public void Scalar_has_one_element_and_empty_shape()
    {
        OnnxTensor scalar = OnnxTensor.FromFloats([4f]);
        Assert.Empty(scalar.Shape);
        Assert.Equal(1, scalar.ElementCount);
    }

    [Fact]
    public void Reading_the_wrong_element_type_explains_which_one_it_holds()
    {
        OnnxTensor ids = OnnxTensor.FromInt64s([1, 2], 2);
        Assert.Equal(TensorElementType.Int64, ids.ElementType);
        var error = Assert.Throws<InvalidOperationException>(() => ids.FloatData);
        Assert.Contains("Int64", error.Message);
        Assert.Equal(new long[] { 1, 2 }, ids.Int64Data);
    }

    [Fact]
    public void Shape_is_copied_so_later_changes_to_the_callers_array_do_not_leak_in()
    {
        long[] shape = [2, 1];
        OnnxTensor tensor = OnnxTensor.FromFloats([1f, 2f], shape);
        shape[0] = 1;
        Assert.Equal(new long[] { 2, 1 }, tensor.Shape);
    }
}
