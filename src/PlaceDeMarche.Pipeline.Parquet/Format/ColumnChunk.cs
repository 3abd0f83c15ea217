using PlaceDeMarche.Pipeline.Parquet.Thrift;

namespace PlaceDeMarche.Pipeline.Parquet.Format;

/// <summary>One column's data within a row group.</summary>
internal sealed class ColumnChunk
{
    public required long FileOffset { get; init; }

    /// <summary>Inline metadata; null only when a writer stored it elsewhere (not supported on read).</summary>
    public ColumnMetaData? MetaData { get; init; }

    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        writer.WriteI64Field(2, FileOffset);
        if (MetaData is not null)
        {
            writer.WriteFieldHeader(3, ThriftType.Struct);
            MetaData.Write(writer);
        }

        writer.EndStruct();
    }

    public static ColumnChunk Read(ThriftCompactReader reader)
    {
        long? fileOffset = null;
        ColumnMetaData? metaData = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out short fieldId, out ThriftType type))
        {
            switch (fieldId)
            {
                case 2 when type == ThriftType.I64:
                    fileOffset = reader.ReadI64();
                    break;
                case 3 when type == ThriftType.Struct:
                    metaData = ColumnMetaData.Read(reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        // file_offset is required by the spec but some writers leave it out; it is not needed to read data.
        var chunk = new ColumnChunk { FileOffset = fileOffset ?? 0, MetaData = metaData };
        reader.EndStruct();
        return chunk;
    }
}
