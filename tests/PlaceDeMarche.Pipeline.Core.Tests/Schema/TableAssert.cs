using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Tests.Schema;

/// <summary>
/// Equality of a table and its copy read back from a file: names, kinds, nullability and every value (bit-exact
/// floats). Parquet.Net writes every list OPTIONAL, so a vector column always reads back nullable.
/// </summary>
internal static class TableAssert
{
    public static void EqualAfterRoundTrip(ParquetTable expected, ParquetTable actual)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(
            expected.Columns.Select(c => (c.Name, c.Kind, c.IsNullable || c.Kind == ParquetValueKind.FloatVector)),
            actual.Columns.Select(c => (c.Name, c.Kind, c.IsNullable)));
        foreach (ParquetColumn column in expected.Columns)
        {
            ParquetColumn other = actual.GetColumn(column.Name);
            switch (column)
            {
                case PrimitiveColumn<bool> c:
                    Assert.Equal(c.ToNullableArray(), ((PrimitiveColumn<bool>)other).ToNullableArray());
                    break;
                case PrimitiveColumn<int> c:
                    Assert.Equal(c.ToNullableArray(), ((PrimitiveColumn<int>)other).ToNullableArray());
                    break;
                case PrimitiveColumn<long> c:
                    Assert.Equal(c.ToNullableArray(), ((PrimitiveColumn<long>)other).ToNullableArray());
                    break;
                case PrimitiveColumn<float> c:
                    Assert.Equal(Bits(c.ToNullableArray()), Bits(((PrimitiveColumn<float>)other).ToNullableArray()));
                    break;
                case PrimitiveColumn<double> c:
                    Assert.Equal(
                        c.ToNullableArray().Select(v => v.HasValue ? BitConverter.DoubleToInt64Bits(v.Value) : (long?)null),
                        ((PrimitiveColumn<double>)other).ToNullableArray().Select(v => v.HasValue ? BitConverter.DoubleToInt64Bits(v.Value) : (long?)null));
                    break;
                case StringColumn c:
                    Assert.Equal(c.Values, ((StringColumn)other).Values);
                    break;
                case FloatVectorColumn c:
                    float[]?[] actualVectors = ((FloatVectorColumn)other).Values;
                    for (int row = 0; row < c.Values.Length; row++)
                    {
                        // Bit patterns, compared as spans: NaN equals itself, -0 differs from 0, and long rows stay fast.
                        float[]? want = c.Values[row];
                        float[]? got = actualVectors[row];
                        Assert.True(
                            want is null ? got is null : got is not null && Bits(want).SequenceEqual(Bits(got)),
                            $"Column '{c.Name}' row {row} differs.");
                    }

                    break;
                default:
                    Assert.Fail($"Unexpected column type {column.GetType()}.");
                    break;
            }
        }
    }

    private static int?[] Bits(float?[] values) => [.. values.Select(v => v.HasValue ? BitConverter.SingleToInt32Bits(v.Value) : (int?)null)];

    private static ReadOnlySpan<int> Bits(float[] values) => System.Runtime.InteropServices.MemoryMarshal.Cast<float, int>(values);
}
