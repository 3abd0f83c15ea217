using System.Buffers;
using System.Buffers.Binary;
using PlaceDeMarche.Pipeline.Parquet.Compression;
using PlaceDeMarche.Pipeline.Parquet.Encodings;
using PlaceDeMarche.Pipeline.Parquet.Format;
using PlaceDeMarche.Pipeline.Parquet.Thrift;

namespace PlaceDeMarche.Pipeline.Parquet.Reading;

/// <summary>
/// Reads the pages of column chunks: page headers, decompression, repetition/definition levels (version-1 and
/// version-2 data pages, dictionary pages), handing levels and encoded values to a <see cref="ColumnBuilder"/>.
/// Scratch buffers are reused across chunks.
/// </summary>
internal sealed class ColumnChunkReader(Stream stream, long footerStart)
{
    private byte[] _pageBuffer = [];
    private int[] _repetitionLevels = [];
    private int[] _definitionLevels = [];

    public void Read(ColumnChunk chunk, ColumnBuilder builder, int rowGroupIndex, int rowGroupFirstRow, int rowGroupRows)
    {
        ColumnDescriptor column = builder.Descriptor;
        string where = $"Column '{column.Name}', row group {rowGroupIndex}";
        ColumnMetaData metaData = chunk.MetaData
            ?? throw new ParquetFormatException($"{where}: the column chunk has no inline metadata (external column files are not supported).");
        if (metaData.Type != column.LeafType)
        {
            throw new ParquetFormatException($"{where}: chunk type {ParquetNames.Of(metaData.Type)} does not match schema type {ParquetNames.Of(column.LeafType)}.");
        }

        long start = metaData.DictionaryPageOffset is { } dictionaryOffset and > 0 && dictionaryOffset < metaData.DataPageOffset
            ? dictionaryOffset
            : metaData.DataPageOffset;
        long length = metaData.TotalCompressedSize;
        if (start < 4 || length < 0 || length > int.MaxValue || start + length > footerStart)
        {
            throw new ParquetFormatException(
                $"{where}: the chunk's byte range [{start}, {start + length}) lies outside the data area [4, {footerStart}).");
        }

        byte[] chunkBytes = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            stream.Position = start;
            stream.ReadExactly(chunkBytes, 0, (int)length);
            ReadPages(new ReadOnlyMemory<byte>(chunkBytes, 0, (int)length), start, metaData, builder, where);
            builder.EndChunk(rowGroupFirstRow, rowGroupRows);
        }
        catch (ParquetFormatException exception) when (!exception.Message.StartsWith(where, StringComparison.Ordinal))
        {
            throw new ParquetFormatException($"{where}: {exception.Message}", exception);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunkBytes);
        }
    }

    private void ReadPages(ReadOnlyMemory<byte> chunk, long chunkOffset, ColumnMetaData metaData, ColumnBuilder builder, string where)
    {
        long levelEntriesRead = 0;
        int position = 0;
        while (levelEntriesRead < metaData.NumValues)
        {
            if (position >= chunk.Length)
            {
                throw new ParquetFormatException($"{where}: the chunk ends after {levelEntriesRead} of its {metaData.NumValues} values (offset {chunkOffset + position}).");
            }

            var headerReader = new ThriftCompactReader(chunk[position..], chunkOffset + position, $"{where}, page header");
            PageHeader header = PageHeader.Read(headerReader);
            position += headerReader.Position;
            long pageOffset = chunkOffset + position;
            if (header.CompressedPageSize < 0 || header.CompressedPageSize > chunk.Length - position || header.UncompressedPageSize < 0)
            {
                throw new ParquetFormatException(
                    $"{where}: page at offset {pageOffset} declares {header.CompressedPageSize} compressed / {header.UncompressedPageSize} uncompressed bytes, but the chunk has {chunk.Length - position} left.");
            }

            ReadOnlyMemory<byte> page = chunk.Slice(position, header.CompressedPageSize);
            position += header.CompressedPageSize;
            try
            {
                levelEntriesRead += ReadPage(header, page, metaData.Codec, builder);
            }
            catch (ParquetFormatException exception)
            {
                throw new ParquetFormatException($"{where}, page at offset {pageOffset}: {exception.Message}", exception);
            }
        }
    }

    /// <summary>Decodes one page; returns the number of level entries it held (0 for non-data pages).</summary>
    private int ReadPage(PageHeader header, ReadOnlyMemory<byte> page, CompressionCodec codec, ColumnBuilder builder)
    {
        ColumnDescriptor column = builder.Descriptor;
        switch (header.Type)
        {
            case PageType.DictionaryPage:
                DictionaryPageHeader dictionary = header.DictionaryPageHeader
                    ?? throw new ParquetFormatException("dictionary page without a dictionary_page_header.");
                if (dictionary.Encoding is not (ParquetEncoding.Plain or ParquetEncoding.PlainDictionary))
                {
                    throw new NotSupportedException($"Column '{column.Name}' has a dictionary page in {ParquetNames.Of(dictionary.Encoding)} encoding; only PLAIN dictionaries are supported.");
                }

                builder.LoadDictionary(Decompress(codec, page, header.UncompressedPageSize, column.Name), dictionary.NumValues);
                return 0;
            case PageType.DataPage:
                return ReadDataPageV1(
                    header.DataPageHeader ?? throw new ParquetFormatException("data page without a data_page_header."),
                    Decompress(codec, page, header.UncompressedPageSize, column.Name),
                    builder);
            case PageType.DataPageV2:
                return ReadDataPageV2(
                    header.DataPageHeaderV2 ?? throw new ParquetFormatException("data page v2 without a data_page_header_v2."),
                    header,
                    page,
                    codec,
                    builder);
            default:
                // Index pages and future page types carry nothing this reader needs.
                return 0;
        }
    }

    private int ReadDataPageV1(DataPageHeader header, ReadOnlySpan<byte> body, ColumnBuilder builder)
    {
        ColumnDescriptor column = builder.Descriptor;
        int count = ValidCount(header.NumValues);
        int offset = 0;
        Span<int> repetition = ReadPrefixedLevels(body, ref offset, column.MaxRepetitionLevel, header.RepetitionLevelEncoding, count, ref _repetitionLevels, column.Name, "repetition");
        Span<int> definition = ReadPrefixedLevels(body, ref offset, column.MaxDefinitionLevel, header.DefinitionLevelEncoding, count, ref _definitionLevels, column.Name, "definition");
        builder.AddPage(repetition, definition, count, header.Encoding, body[offset..]);
        return count;
    }

    private int ReadDataPageV2(DataPageHeaderV2 header, PageHeader pageHeader, ReadOnlyMemory<byte> page, CompressionCodec codec, ColumnBuilder builder)
    {
        ColumnDescriptor column = builder.Descriptor;
        int count = ValidCount(header.NumValues);
        int repetitionBytes = header.RepetitionLevelsByteLength;
        int definitionBytes = header.DefinitionLevelsByteLength;
        if (repetitionBytes < 0 || definitionBytes < 0 || (long)repetitionBytes + definitionBytes > page.Length)
        {
            throw new ParquetFormatException($"level byte lengths {repetitionBytes} + {definitionBytes} exceed the page's {page.Length} bytes.");
        }

        // Version-2 pages keep the levels uncompressed, without length prefixes, ahead of the (possibly compressed) values.
        ReadOnlySpan<byte> levels = page.Span;
        Span<int> repetition = DecodeLevels(levels[..repetitionBytes], column.MaxRepetitionLevel, count, ref _repetitionLevels, "repetition");
        Span<int> definition = DecodeLevels(levels.Slice(repetitionBytes, definitionBytes), column.MaxDefinitionLevel, count, ref _definitionLevels, "definition");
        ReadOnlyMemory<byte> encodedValues = page[(repetitionBytes + definitionBytes)..];
        ReadOnlySpan<byte> values = header.IsCompressed
            ? Decompress(codec, encodedValues, pageHeader.UncompressedPageSize - repetitionBytes - definitionBytes, column.Name)
            : encodedValues.Span;
        builder.AddPage(repetition, definition, count, header.Encoding, values);
        return count;
    }

    private static Span<int> ReadPrefixedLevels(ReadOnlySpan<byte> body, ref int offset, int maxLevel, ParquetEncoding encoding, int count, ref int[] scratch, string columnName, string kind)
    {
        if (maxLevel == 0)
        {
            return [];
        }

        if (encoding != ParquetEncoding.Rle)
        {
            throw new NotSupportedException($"Column '{columnName}' has {kind} levels in {ParquetNames.Of(encoding)} encoding; only RLE levels are supported.");
        }

        int length = body.Length - offset >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(body[offset..]) : -1;
        if (length < 0 || length > body.Length - offset - 4)
        {
            throw new ParquetFormatException($"{kind} levels have a missing or invalid length prefix at page byte {offset}.");
        }

        Span<int> levels = DecodeLevels(body.Slice(offset + 4, length), maxLevel, count, ref scratch, kind);
        offset += 4 + length;
        return levels;
    }

    private static Span<int> DecodeLevels(ReadOnlySpan<byte> data, int maxLevel, int count, ref int[] scratch, string kind)
    {
        if (maxLevel == 0)
        {
            return [];
        }

        if (scratch.Length < count)
        {
            scratch = new int[Math.Max(count, scratch.Length * 2)];
        }

        Span<int> levels = scratch.AsSpan(0, count);
        RleBitPackedHybrid.Decode(data, RleBitPackedHybrid.BitWidthOf(maxLevel), levels);
        int invalid = levels.IndexOfAnyExceptInRange(0, maxLevel);
        if (invalid >= 0)
        {
            throw new ParquetFormatException($"{kind} level {levels[invalid]} at entry {invalid} exceeds the column's maximum {maxLevel}.");
        }

        return levels;
    }

    private ReadOnlySpan<byte> Decompress(CompressionCodec codec, ReadOnlyMemory<byte> input, int uncompressedSize, string columnName)
    {
        if (uncompressedSize < 0)
        {
            throw new ParquetFormatException($"negative uncompressed size {uncompressedSize}.");
        }

        if (codec == CompressionCodec.Uncompressed)
        {
            return input.Span;
        }

        if (_pageBuffer.Length < uncompressedSize)
        {
            _pageBuffer = new byte[Math.Max(uncompressedSize, _pageBuffer.Length * 2)];
        }

        Span<byte> output = _pageBuffer.AsSpan(0, uncompressedSize);
        PageCompressor.Decompress(codec, input, output, columnName);
        return output;
    }

    private static int ValidCount(int numValues) =>
        numValues >= 0 ? numValues : throw new ParquetFormatException($"negative value count {numValues}.");
}
