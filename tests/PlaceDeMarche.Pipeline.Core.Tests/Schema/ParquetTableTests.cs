using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Tests.Schema;

public sealed class ParquetTableTests
{
    private static readonly ParquetTable Table = new(
        new PrimitiveColumn<int>("id", [1, 2]),
        new PrimitiveColumn<double>("score", new double?[] { 0.5, null }),
        new StringColumn("name", ["a", "b"]));

    [Fact]
    public void TypedGettersReturnColumnStorage()
    {
        Assert.Equal([1, 2], Table.GetInt32s("id"));
        Assert.Same(Table.GetColumn<PrimitiveColumn<int>>("id").Values, Table.GetInt32s("id"));
        Assert.Equal([0.5, null], Table.GetNullableValues<double>("score"));
        Assert.Equal(new string?[] { "a", "b" }, Table.GetStrings("name"));
        Assert.Equal(1, Table.GetColumn("score").CountNulls());
    }

    [Fact]
    public void MissingColumnListsAvailableOnes()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Table.GetStrings("label"));

        Assert.Contains("'label'", error.Message, StringComparison.Ordinal);
        Assert.Contains("id, score, name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongTypeSaysWhatTheColumnHolds()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Table.GetInt64s("id"));

        Assert.Contains("'id'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Int32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullableColumnIsNotReturnedAsPlainValues()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Table.GetDoubles("score"));

        Assert.Contains("GetNullableValues<Double>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConstructionRejectsInconsistentColumns()
    {
        Assert.Contains("same length", Assert.Throws<ArgumentException>(() => new ParquetTable(
            new PrimitiveColumn<int>("a", [1]), new PrimitiveColumn<int>("b", [1, 2]))).Message, StringComparison.Ordinal);
        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() => new ParquetTable(
            new PrimitiveColumn<int>("a", [1]), new PrimitiveColumn<int>("a", [2]))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ParquetTable());
        Assert.Contains("row 1", Assert.Throws<ArgumentException>(() => new StringColumn("s", ["x", null])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new FloatVectorColumn("v", [null]));
        Assert.Throws<ArgumentException>(() => new PrimitiveColumn<int>("n", [1, 2], validity: [true]));
        Assert.Throws<NotSupportedException>(() => new PrimitiveColumn<byte>("b", [1]));
        Assert.Throws<ArgumentException>(() => new PrimitiveColumn<int>(string.Empty, [1]));
    }
}
