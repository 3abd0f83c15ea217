using PlaceDeMarche.Pipeline.Parquet.Thrift;

namespace PlaceDeMarche.Pipeline.Parquet.Format;

/// <summary>Header preceding every page of a column chunk.</summary>
internal sealed class PageHeader
{
    public required PageType Type { get; init; }

    public required int UncompressedPageSize { get; init; }

    public required int CompressedPageSize { get; init; }

    public DataPageHeader? DataPageHeader { get; init; }

    public DictionaryPageHeader? DictionaryPageHeader { get; init; }

    public DataPageHeaderV2? DataPageHeaderV2 { get; init; }

    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        writer.WriteI32Field(1, (int)Type);
        writer.WriteI32Field(2, UncompressedPageSize);
        writer.WriteI32Field(3, CompressedPageSize);
        if (DataPageHeader is not null)
        {
            writer.WriteFieldHeader(5, ThriftType.Struct);
            DataPageHeader.Write(writer);
        }

        writer.EndStruct();
    }

    public static PageHeader Read(ThriftCompactReader reader)
    {
        int? pageType = null, uncompressedSize = null, compressedSize = null;
        DataPageHeader? dataPageHeader = null;
        DictionaryPageHeader? dictionaryPageHeader = null;
        DataPageHeaderV2? dataPageHeaderV2 = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out short fieldId, out ThriftType type))
        {
            switch (fieldId)
            {
                case 1 when type == ThriftType.I32:
                    pageType = reader.ReadI32();
                    break;
                case 2 when type == ThriftType.I32:
                    uncompressedSize = reader.ReadI32();
                    break;
                case 3 when type == ThriftType.I32:
                    compressedSize = reader.ReadI32();
                    break;
                case 5 when type == ThriftType.Struct:
                    dataPageHeader = Format.DataPageHeader.Read(reader);
                    break;
                case 7 when type == ThriftType.Struct:
                    dictionaryPageHeader = Format.DictionaryPageHeader.Read(reader);
                    break;
                case 8 when type == ThriftType.Struct:
                    dataPageHeaderV2 = Format.DataPageHeaderV2.Read(reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        var header = new PageHeader
        {
            Type = (PageType)reader.RequiredValue(pageType, "PageHeader.type"),
            UncompressedPageSize = reader.RequiredValue(uncompressedSize, "PageHeader.uncompressed_page_size"),
            CompressedPageSize = reader.RequiredValue(compressedSize, "PageHeader.compressed_page_size"),
            DataPageHeader = dataPageHeader,
            DictionaryPageHeader = dictionaryPageHeader,
            DataPageHeaderV2 = dataPageHeaderV2,
        };
        reader.EndStruct();
        return header;
    }
}
