using System.Buffers;
using PlaceDeMarche.Pipeline.Parquet.Columns;
using PlaceDeMarche.Pipeline.Parquet.Compression;
using PlaceDeMarche.Pipeline.Parquet.Format;
using PlaceDeMarche.Pipeline.Parquet.Thrift;

namespace PlaceDeMarche.Pipeline.Parquet.Writing;

/// <summary>Writes one column chunk (a column's rows within a row group) as a sequence of PLAIN data pages.</summary>
internal sealed class ColumnChunkWriter(PositionedOutput output, ParquetWriteOptions options)
{
    private readonly ArrayBufferWriter<byte> _body = new();
    private readonly ArrayBufferWriter<byte> _header = new();
    private readonly PageBodyEncoder _encoder = new();
    private readonly PageCompressor _compressor = new(options.Compression);

    public ColumnChunk Write(ParquetColumn column, ColumnLayout layout, int firstRow, int rowCount)
    {
        long chunkStart = output.Position;
        long levelEntries = 0;
        long uncompressedSize = 0;
        int end = firstRow + rowCount;
        for (int pageStart = firstRow; pageStart < end;)
        {
            int pageEnd = PageBodyEncoder.PageEnd(column, pageStart, end, options.DataPageSize);
            _body.ResetWrittenCount();
            int pageValues = _encoder.Encode(column, layout, pageStart, pageEnd - pageStart, _body);
            ReadOnlySpan<byte> compressed = _compressor.Compress(_body.WrittenSpan);

            _header.ResetWrittenCount();
            new PageHeader
            {
                Type = PageType.DataPage,
                UncompressedPageSize = _body.WrittenCount,
                CompressedPageSize = compressed.Length,
                DataPageHeader = new DataPageHeader(pageValues, ParquetEncoding.Plain, ParquetEncoding.Rle, ParquetEncoding.Rle),
            }.Write(new ThriftCompactWriter(_header));
            output.Write(_header.WrittenSpan);
            output.Write(compressed);

            levelEntries += pageValues;
            uncompressedSize += _header.WrittenCount + _body.WrittenCount;
            pageStart = pageEnd;
        }

        bool hasLevels = layout.MaxDefinitionLevel > 0 || layout.MaxRepetitionLevel > 0;
        return new ColumnChunk
        {
            FileOffset = chunkStart,
            MetaData = new ColumnMetaData
            {
                Type = layout.LeafType,
                Encodings = hasLevels ? [ParquetEncoding.Plain, ParquetEncoding.Rle] : [ParquetEncoding.Plain],
                PathInSchema = layout.LeafPath,
                Codec = _compressor.Codec,
                NumValues = levelEntries,
                TotalUncompressedSize = uncompressedSize,
                TotalCompressedSize = output.Position - chunkStart,
                DataPageOffset = chunkStart,
            },
        };
    }
}
