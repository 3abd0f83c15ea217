using System.Buffers.Binary;
using System.IO.Compression;

namespace PlaceDeMarche.Pipeline.Imaging.Formats.Png;

/// <summary>
/// PNG decoder: all colour types and bit depths, all filters, Adam7, tRNS, CRC-checked chunks, zlib through
/// <see cref="ZLibStream"/>. Unknown critical chunks are refused (PNG spec); unknown ancillary ones skipped.
/// </summary>
internal static class PngDecoder
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // Adam7 passes: first column, first row, column step, row step.
    private static ReadOnlySpan<byte> Adam7 => [0, 0, 8, 8, 4, 0, 8, 8, 0, 4, 4, 8, 2, 0, 4, 4, 0, 2, 2, 4, 1, 0, 2, 2, 0, 1, 1, 2];

    /// <summary>True if <paramref name="data"/> starts with the PNG signature.</summary>
    public static bool HasSignature(ReadOnlySpan<byte> data) => data.StartsWith(Signature);

    /// <summary>Reads IHDR only.</summary>
    public static ImageInfo Identify(ReadOnlySpan<byte> data)
    {
        var header = ReadHeader(data, out _);
        return new ImageInfo(ImageFormat.Png, header.Width, header.Height, header.Channels, header.Interlaced, 1);
    }

    /// <summary>Decodes a complete PNG file to RGB24.</summary>
    public static RgbImage Decode(ReadOnlySpan<byte> data, DecodeOptions options)
    {
        var header = ReadHeader(data, out int position);
        long pixels = (long)header.Width * header.Height;
        if (pixels > options.MaxPixels)
        {
            throw new ImageDecodeException($"PNG of {header.Width}x{header.Height} ({pixels} pixels) exceeds the pixel budget of {options.MaxPixels} ({options.MaxPixelsName}); raise it if the file is trusted", offset: 16);
        }

        if (pixels * 8 > Array.MaxLength)
        {
            // The inflated rows hold up to 8 bytes per pixel (16-bit RGBA) and buffers are indexed by int.
            throw new ImageDecodeException(
                $"PNG of {header.Width}x{header.Height} needs more than {Array.MaxLength} bytes per buffer, this decoder's limit "
                + "(an implementation limit, not a damaged file)", offset: 16);
        }

        byte[] palette = [];
        var transparency = ReadOnlySpan<byte>.Empty;
        using var compressed = new MemoryStream();
        while (true)
        {
            int chunkOffset = position;
            var payload = NextChunk(data, position, out position);
            var type = data.Slice(chunkOffset + 4, 4);
            if (type.SequenceEqual("IEND"u8))
            {
                break;
            }

            if (type.SequenceEqual("IDAT"u8))
            {
                compressed.Write(payload);
            }
            else if (type.SequenceEqual("PLTE"u8))
            {
                if (payload.Length % 3 != 0 || payload.Length > 768)
                {
                    throw new ImageDecodeException($"corrupt PNG palette of {payload.Length} bytes", offset: chunkOffset);
                }

                palette = payload.ToArray();
            }
            else if (type.SequenceEqual("tRNS"u8))
            {
                transparency = payload;
            }
            else if (type.SequenceEqual("IHDR"u8) || (type[0] & 0x20) == 0)
            {
                throw new ImageDecodeException($"unsupported or misplaced critical PNG chunk '{System.Text.Encoding.ASCII.GetString(type)}'", offset: chunkOffset);
            }
        }

        if (header.ColorType == PngColorType.Palette && palette.Length == 0)
        {
            throw new ImageDecodeException("PNG palette image without PLTE chunk", offset: Signature.Length);
        }

        if (compressed.Length == 0)
        {
            throw new ImageDecodeException("PNG has no image data (IDAT)", offset: position);
        }

        var raw = Inflate(compressed, RawLength(header));
        var rgb = new byte[pixels * 3];
        var converter = new PngRowConverter(header, palette, transparency, options.Alpha);
        if (header.Interlaced)
        {
            int offset = 0;
            for (int pass = 0; pass < 7; pass++)
            {
                var p = Adam7.Slice(pass * 4, 4);
                int passWidth = PassSize(header.Width, p[0], p[2]), passHeight = PassSize(header.Height, p[1], p[3]);
                offset = DecodePass(raw, offset, header, converter, rgb, passWidth, passHeight, p[0], p[1], p[2], p[3]);
            }
        }
        else
        {
            DecodePass(raw, 0, header, converter, rgb, header.Width, header.Height, 0, 0, 1, 1);
        }

        return new RgbImage(header.Width, header.Height, rgb);
    }

    private static int DecodePass(byte[] raw, int offset, PngHeader header, PngRowConverter converter, byte[] rgb, int passWidth, int passHeight, int x0, int y0, int dx, int dy)
    {
        if (passWidth == 0 || passHeight == 0)
        {
            return offset;
        }

        int rowBytes = (int)header.RowBytes(passWidth);
        var previous = Span<byte>.Empty;
        for (int y = 0; y < passHeight; y++)
        {
            int filter = raw[offset];
            var row = raw.AsSpan(offset + 1, rowBytes);
            if (filter > 4)
            {
                throw new ImageDecodeException($"corrupt PNG: invalid filter type {filter} on row {y} of the image data");
            }

            PngFilter.Unfilter(filter, row, previous, header.FilterStride);
            converter.Convert(row, passWidth, rgb, ((y0 + y * dy) * header.Width) + x0, dx);
            previous = row;
            offset += rowBytes + 1;
        }

        return offset;
    }

    private static byte[] Inflate(MemoryStream compressed, long expected)
    {
        var raw = new byte[expected];
        compressed.Position = 0;
        int read;
        try
        {
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            read = zlib.ReadAtLeast(raw, raw.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new ImageDecodeException($"corrupt PNG image data: zlib stream is invalid ({e.Message})", innerException: e);
        }

        if (read < raw.Length)
        {
            throw new ImageDecodeException($"truncated PNG image data: {read} of {raw.Length} bytes after decompression");
        }

        return raw;
    }

    private static long RawLength(PngHeader header)
    {
        if (!header.Interlaced)
        {
            return header.Height * (header.RowBytes(header.Width) + 1);
        }

        long total = 0;
        for (int pass = 0; pass < 7; pass++)
        {
            var p = Adam7.Slice(pass * 4, 4);
            int passWidth = PassSize(header.Width, p[0], p[2]), passHeight = PassSize(header.Height, p[1], p[3]);
            total += passWidth == 0 ? 0 : passHeight * (header.RowBytes(passWidth) + 1);
        }

        return total;
    }

    private static int PassSize(int size, int start, int step) => size > start ? ((size - start + step - 1) / step) : 0;

    private static ReadOnlySpan<byte> NextChunk(ReadOnlySpan<byte> data, int position, out int next)
    {
        if (position + 12 > data.Length)
        {
            throw new ImageDecodeException("truncated PNG: data ends before IEND chunk", offset: position);
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
        if (length > int.MaxValue || position + 12L + length > data.Length)
        {
            throw new ImageDecodeException($"truncated or corrupt PNG: chunk declares {length} bytes but only {data.Length - position - 12} remain", offset: position);
        }

        var typeAndData = data.Slice(position + 4, 4 + (int)length);
        uint stored = BinaryPrimitives.ReadUInt32BigEndian(data[(position + 8 + (int)length)..]);
        if (PngCrc32.Compute(typeAndData) != stored)
        {
            throw new ImageDecodeException($"corrupt PNG: CRC mismatch in chunk '{System.Text.Encoding.ASCII.GetString(typeAndData[..4])}'", offset: position);
        }

        next = position + 12 + (int)length;
        return typeAndData[4..];
    }

    private static PngHeader ReadHeader(ReadOnlySpan<byte> data, out int next)
    {
        int offset = Signature.Length;
        var chunk = NextChunk(data, offset, out next);
        if (chunk.Length != 13 || !data.Slice(offset + 4, 4).SequenceEqual("IHDR"u8))
        {
            throw new ImageDecodeException("corrupt PNG: first chunk is not a 13-byte IHDR", offset: offset);
        }

        uint width = BinaryPrimitives.ReadUInt32BigEndian(chunk), height = BinaryPrimitives.ReadUInt32BigEndian(chunk[4..]);
        int depth = chunk[8], type = chunk[9];
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
        {
            throw new ImageDecodeException($"corrupt PNG: invalid size {width}x{height}", offset: offset);
        }

        bool valid = type switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            3 => depth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => depth is 8 or 16,
            _ => false,
        };
        if (!valid || chunk[10] != 0 || chunk[11] != 0 || chunk[12] > 1)
        {
            throw new ImageDecodeException($"unsupported PNG: colour type {type}, bit depth {depth}, compression {chunk[10]}, filter {chunk[11]}, interlace {chunk[12]}", offset: offset);
        }

        return new PngHeader((int)width, (int)height, depth, (PngColorType)type, chunk[12] == 1);
    }
}
