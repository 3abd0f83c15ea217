using PlaceDeMarche.Pipeline.Parquet.Columns;

namespace PlaceDeMarche.Pipeline.Parquet.Tests;

/// <summary>Write then read back: every type, nullability, compression, row-group and page split.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<ParquetCompression, int, int> Layouts => new()
    {
        { ParquetCompression.Uncompressed, 100_000, 1 << 20 }, // one row group, one page per chunk
        { ParquetCompression.Snappy, 5, 1 << 20 }, // several row groups, the last one partial
        { ParquetCompression.Gzip, 1, 1 << 20 }, // one row per group
        { ParquetCompression.Snappy, 7, 16 }, // several pages per chunk
        { ParquetCompression.Gzip, 100_000, 1 }, // one row per page
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void EveryColumnSurvives(ParquetCompression compression, int rowGroupSize, int pageSize)
    {
        ParquetTable original = DuckDbConformanceTests.SampleTable();

        ParquetTable copy = RoundTrip(original, new ParquetWriteOptions { Compression = compression, RowGroupSize = rowGroupSize, DataPageSize = pageSize });

        AssertTablesEqual(original, copy);
    }

    [Fact]
    public void SpecialValuesSurvive()
    {
        var original = new ParquetTable(
            new PrimitiveColumn<float>("f", [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, float.Epsilon, float.MaxValue]),
            new PrimitiveColumn<double>("d", [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0d, double.Epsilon, double.MinValue]),
            new PrimitiveColumn<int>("i", [int.MinValue, int.MaxValue, 0, -1, 1, 42]),
            new PrimitiveColumn<long>("l", [long.MinValue, long.MaxValue, 0, -1, 1, 42]),
            new StringColumn("s", [string.Empty, "\0", "tab\tnew\nline", "日本語", "😀", new string('z', 100_000)]),
            new FloatVectorColumn("v", [[], [float.NaN], [-0f], [], [1, 2, 3], []]));

        ParquetTable copy = RoundTrip(original, ParquetWriteOptions.Default);

        AssertTablesEqual(original, copy);
        Assert.True(BitConverter.SingleToInt32Bits(copy.GetFloats("f")[3]) < 0); // -0 keeps its sign
    }

    [Fact]
    public void AllNullAndNoNullNullableColumnsSurvive()
    {
        var original = new ParquetTable(
            new PrimitiveColumn<int>("all_null", new int?[] { null, null, null }),
            new PrimitiveColumn<int>("no_null", new int?[] { 1, 2, 3 }),
            new StringColumn("strings", [null, null, null], isNullable: true),
            new FloatVectorColumn("vectors", [null, null, null], isNullable: true));

        ParquetTable copy = RoundTrip(original, ParquetWriteOptions.Default);

        AssertTablesEqual(original, copy);
        Assert.True(copy.GetColumn("no_null").IsNullable);
    }

    [Fact]
    public void EmptyTableKeepsSchemaAndMetadata()
    {
        var original = new ParquetTable(
            [new StringColumn("s", []), new PrimitiveColumn<double>("d", Array.Empty<double>(), validity: [])],
            [new("k", "v")]);

        ParquetTable copy = RoundTrip(original, ParquetWriteOptions.Default);

        Assert.Equal(0, copy.RowCount);
        Assert.Equal(ParquetValueKind.String, copy.GetColumn("s").Kind);
        Assert.True(copy.GetColumn("d").IsNullable);
        Assert.Equal("v", copy.Metadata["k"]);
    }

    [Fact]
    public void MetadataAndCreatedByAreInTheFooter()
    {
        var original = new ParquetTable(
            [new PrimitiveColumn<int>("x", [1])],
            [new("stage", "text-features"), new("seed", "42"), new("json", "{\"a\":[1,2]}"), new("empty", string.Empty)]);
        using var stream = new MemoryStream();
        ParquetWriter.Write(stream, original);

        stream.Position = 0;
        ParquetFileInfo info = ParquetReader.ReadSchema(stream);

        Assert.Equal("PlaceDeMarche.Pipeline.Parquet", info.CreatedBy);
        Assert.Equal(original.Metadata.OrderBy(p => p.Key), info.Metadata.OrderBy(p => p.Key));
        Assert.Equal([new ParquetColumnInfo("x", ParquetValueKind.Int32, false)], info.Columns);
        Assert.Equal(1, info.RowCount);
    }

    [Fact]
    public void OutputIsDeterministic()
    {
        ParquetTable table = DuckDbConformanceTests.SampleTable();
        var options = new ParquetWriteOptions { Compression = ParquetCompression.Gzip, RowGroupSize = 4 };

        Assert.Equal(Write(table, options), Write(table, options));
    }

    [Fact]
    public void ReadsSelectedColumnsInRequestedOrder()
    {
        using var stream = new MemoryStream(Write(DuckDbConformanceTests.SampleTable(), ParquetWriteOptions.Default));

        ParquetTable copy = ParquetReader.Read(stream, ["maybe_embedding", "id"]);

        Assert.Equal(["maybe_embedding", "id"], copy.Columns.Select(c => c.Name));
        var error = Assert.Throws<KeyNotFoundException>(() => ParquetReader.Read(stream, ["nope"]));
        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
        Assert.Contains("maybe_embedding", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorksWithNonSeekableStreams()
    {
        ParquetTable original = DuckDbConformanceTests.SampleTable();
        using var written = new ForwardOnlyStream();
        ParquetWriter.Write(written, original);

        using var toRead = new ForwardOnlyStream(written.ToArray());
        AssertTablesEqual(original, ParquetReader.Read(toRead));
    }

    [Fact]
    public void LargeFloatVectorsRoundTrip()
    {
        // The pipeline's largest artifact: 1050 image embeddings of 5000 floats.
        var random = new Random(1050);
        float[]?[] vectors = new float[]?[1050];
        for (int row = 0; row < vectors.Length; row++)
        {
            vectors[row] = [.. Enumerable.Range(0, 5000).Select(_ => (float)random.NextDouble())];
        }

        var original = new ParquetTable(new FloatVectorColumn("embedding", vectors), new PrimitiveColumn<int>("row", [.. Enumerable.Range(0, 1050)]));

        ParquetTable copy = RoundTrip(original, new ParquetWriteOptions { RowGroupSize = 500 });

        AssertTablesEqual(original, copy);
    }

    internal static void AssertTablesEqual(ParquetTable expected, ParquetTable actual)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.Metadata.OrderBy(p => p.Key), actual.Metadata.OrderBy(p => p.Key));
        Assert.Equal(expected.Columns.Select(c => (c.Name, c.Kind, c.IsNullable)), actual.Columns.Select(c => (c.Name, c.Kind, c.IsNullable)));
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
                    Assert.Equal(c.ToNullableArray(), ((PrimitiveColumn<float>)other).ToNullableArray());
                    break;
                case PrimitiveColumn<double> c:
                    Assert.Equal(c.ToNullableArray(), ((PrimitiveColumn<double>)other).ToNullableArray());
                    break;
                case StringColumn c:
                    Assert.Equal(c.Values, ((StringColumn)other).Values);
                    break;
                case FloatVectorColumn c:
                    float[]?[] actualVectors = ((FloatVectorColumn)other).Values;
                    for (int row = 0; row < c.Values.Length; row++)
                    {
                        // Span comparison: xunit's element-by-element diffing is far too slow for 5000-float rows.
                        Assert.True(
                            c.Values[row] is null ? actualVectors[row] is null : c.Values[row].AsSpan().SequenceEqual(actualVectors[row]),
                            $"Column '{c.Name}' row {row} differs.");
                    }

                    break;
                default:
                    Assert.Fail($"Unexpected column type {column.GetType()}.");
                    break;
            }
        }
    }

    private static ParquetTable RoundTrip(ParquetTable table, ParquetWriteOptions options)
    {
        using var stream = new MemoryStream(Write(table, options));
        return ParquetReader.Read(stream);
    }

    private static byte[] Write(ParquetTable table, ParquetWriteOptions options)
    {
        using var stream = new MemoryStream();
        ParquetWriter.Write(stream, table, options);
        return stream.ToArray();
    }

    /// <summary>A stream that can only be written or read forwards, like a pipe or network stream.</summary>
    private sealed class ForwardOnlyStream : MemoryStream
    {
        public ForwardOnlyStream()
        {
        }

        public ForwardOnlyStream(byte[] content)
            : base(content, writable: false)
        {
        }

        public override bool CanSeek => false;

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
