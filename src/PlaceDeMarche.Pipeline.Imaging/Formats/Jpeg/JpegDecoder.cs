using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace PlaceDeMarche.Pipeline.Imaging.Formats.Jpeg;

/// <summary>
/// JPEG decoder (ITU T.81): baseline and extended sequential Huffman (SOF0/SOF1) and progressive (SOF2),
/// 8-bit precision, 1 (gray), 3 (YCbCr or RGB) and 4 (Adobe CMYK/YCCK) components, any integral
/// subsampling, restart intervals, EXIF orientation, and DCT-domain downscaling by 2, 4 or 8.
/// Sequential scans are inverse-transformed block by block as they are decoded (memory proportional to the
/// output); progressive frames keep full-resolution coefficients until the last scan.
/// </summary>
internal sealed class JpegDecoder
{
    private readonly DecodeOptions options;
    private readonly bool headerOnly;
    private readonly float[]?[] quantTables = new float[4][];
    private readonly JpegHuffmanTable?[] dcTables = new JpegHuffmanTable[4];
    private readonly JpegHuffmanTable?[] acTables = new JpegHuffmanTable[4];
    private readonly short[] blockScratch = new short[64];
    private JpegComponent[] components = [];
    private int width, height, maxH, maxV, mcusX, mcusY, scaledBlockSize;
    private bool hasFrame, isProgressive, hasJfif;
    private int restartInterval;
    private int scanCount;
    private readonly List<string> warnings = [];
    private int adobeTransform = -1;
    private int exifOrientation = 1;

    private JpegDecoder(DecodeOptions options, bool headerOnly)
    {
        this.options = options;
        this.headerOnly = headerOnly;
    }

    /// <summary>Decodes a complete JPEG file to RGB24.</summary>
    public static RgbImage Decode(ReadOnlySpan<byte> data, DecodeOptions options)
    {
        var decoder = new JpegDecoder(options, headerOnly: false);
        RgbImage image;
        try
        {
            decoder.ReadMarkers(data);
            image = decoder.ConvertToRgb();
        }
        finally
        {
            decoder.ReturnBuffers();
        }

        var upright = options.ApplyExifOrientation ? OrientationTransform.Apply(image, decoder.exifOrientation) : image;
        return decoder.warnings.Count == 0 ? upright : new RgbImage(upright.Width, upright.Height, upright.Pixels) { Warnings = decoder.warnings };
    }

    /// <summary>
    /// Reads the markers up to the first scan, without decoding pixels: an EXIF segment may follow the frame
    /// header, and the full decode would then rotate the image, so the header read must see it too.
    /// </summary>
    public static ImageInfo Identify(ReadOnlySpan<byte> data)
    {
        var decoder = new JpegDecoder(DecodeOptions.Default, headerOnly: true);
        decoder.ReadMarkers(data);
        return new ImageInfo(ImageFormat.Jpeg, decoder.width, decoder.height, decoder.components.Length, decoder.isProgressive, decoder.exifOrientation);
    }

    private void ReadMarkers(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            throw new ImageDecodeException("not a JPEG file: missing SOI marker (FF D8)", offset: 0);
        }

        int position = 2;
        while (true)
        {
            int markerOffset = FindMarker(data, position);
            if (markerOffset < 0)
            {
                if (hasFrame && !headerOnly && !isProgressive && components.All(c => c.HasScanData))
                {
                    return; // complete sequential image without EOI: accepted, as libjpeg does
                }

                throw new ImageDecodeException("truncated JPEG: data ends before the image is complete (no EOI marker)", offset: data.Length);
            }

            byte marker = data[markerOffset + 1];
            position = markerOffset + 2;
            switch (marker)
            {
                case 0xD9: // EOI
                    CheckComplete(markerOffset);
                    return;
                case 0xC0 or 0xC1 or 0xC2:
                    ReadFrame(ReadSegment(data, ref position, marker), marker == 0xC2, markerOffset);
                    break;
                case 0xC3 or 0xC5 or 0xC6 or 0xC7 or 0xCB or 0xCD or 0xCE or 0xCF:
                    throw new ImageDecodeException($"unsupported JPEG process (SOF{marker - 0xC0}: lossless or hierarchical)", offset: markerOffset);
                case 0xC9 or 0xCA or 0xCC:
                    throw new ImageDecodeException("unsupported JPEG process: arithmetic coding", offset: markerOffset);
                case 0xC4:
                    ReadHuffmanTables(ReadSegment(data, ref position, marker), markerOffset);
                    break;
                case 0xDB:
                    ReadQuantTables(ReadSegment(data, ref position, marker), markerOffset);
                    break;
                case 0xDD:
                    var dri = ReadSegment(data, ref position, marker);
                    restartInterval = dri.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(dri) : throw new ImageDecodeException("DRI segment too short", offset: markerOffset);
                    break;
                case 0xDA when headerOnly && hasFrame:
                    return;
                case 0xDA:
                    var header = ReadSegment(data, ref position, marker);
                    position = ReadScan(data, header, position, markerOffset);
                    break;
                case 0xE0:
                    hasJfif |= ReadSegment(data, ref position, marker).StartsWith("JFIF\0"u8);
                    break;
                case 0xE1:
                    var app1 = ReadSegment(data, ref position, marker);
                    if (app1.StartsWith("Exif\0\0"u8))
                    {
                        exifOrientation = ExifOrientationReader.Read(app1[6..]);
                    }

                    break;
                case 0xEE:
                    var adobe = ReadSegment(data, ref position, marker);
                    if (adobe.Length >= 12 && adobe.StartsWith("Adobe"u8))
                    {
                        adobeTransform = adobe[11];
                    }

                    break;
                case 0xD8:
                    throw new ImageDecodeException("unexpected second SOI marker", offset: markerOffset);
                case >= 0xD0 and <= 0xD7 or 0x01:
                    break; // stray RSTn / TEM carry no payload
                default:
                    ReadSegment(data, ref position, marker); // APPn, COM and anything else with a length
                    break;
            }
        }
    }

    private static int FindMarker(ReadOnlySpan<byte> data, int start)
    {
        // Skips stray bytes and 0xFF fill bytes, as libjpeg's next_marker does.
        for (int i = start; i + 1 < data.Length; i++)
        {
            if (data[i] == 0xFF && data[i + 1] is not 0x00 and not 0xFF)
            {
                return i;
            }
        }

        return -1;
    }

    private static ReadOnlySpan<byte> ReadSegment(ReadOnlySpan<byte> data, ref int position, byte marker)
    {
        if (position + 2 > data.Length)
        {
            throw new ImageDecodeException($"truncated JPEG: marker FF {marker:X2} has no length field", offset: position);
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
        if (length < 2)
        {
            throw new ImageDecodeException($"corrupt JPEG: marker FF {marker:X2} declares invalid length {length}", offset: position);
        }

        if (position + length > data.Length)
        {
            throw new ImageDecodeException($"truncated JPEG: marker FF {marker:X2} declares {length} bytes but only {data.Length - position} remain", offset: position);
        }

        var payload = data.Slice(position + 2, length - 2);
        position += length;
        return payload;
    }

    private void CheckComplete(int offset)
    {
        if (!hasFrame)
        {
            throw new ImageDecodeException("JPEG has no frame header (SOF) before EOI", offset: offset);
        }

        foreach (var component in components)
        {
            if (!component.HasScanData)
            {
                throw new ImageDecodeException($"JPEG ends before component {component.Id} was coded (missing scan)", offset: offset);
            }
        }
    }

    private void ReadQuantTables(ReadOnlySpan<byte> segment, int offset)
    {
        var zigZag = JpegIdct.ZigZagToNatural;
        while (segment.Length > 0)
        {
            int precision = segment[0] >> 4, slot = segment[0] & 15;
            int entryBytes = precision == 0 ? 1 : 2;
            if (precision > 1 || slot > 3 || segment.Length < 1 + 64 * entryBytes)
            {
                throw new ImageDecodeException($"corrupt DQT segment (precision {precision}, table {slot}, {segment.Length} bytes)", offset: offset);
            }

            var table = new float[64];
            for (int k = 0; k < 64; k++)
            {
                table[zigZag[k]] = entryBytes == 1 ? segment[1 + k] : BinaryPrimitives.ReadUInt16BigEndian(segment[(1 + 2 * k)..]);
            }

            quantTables[slot] = table;
            segment = segment[(1 + 64 * entryBytes)..];
        }
    }

    private void ReadHuffmanTables(ReadOnlySpan<byte> segment, int offset)
    {
        while (segment.Length > 0)
        {
            int tableClass = segment[0] >> 4, slot = segment[0] & 15;
            if (tableClass > 1 || slot > 3 || segment.Length < 17)
            {
                throw new ImageDecodeException($"corrupt DHT segment (class {tableClass}, table {slot})", offset: offset);
            }

            var counts = segment.Slice(1, 16);
            int total = 0;
            foreach (byte count in counts)
            {
                total += count;
            }

            if (total > 256 || segment.Length < 17 + total)
            {
                throw new ImageDecodeException($"corrupt DHT segment: {total} symbols declared", offset: offset);
            }

            var table = new JpegHuffmanTable(counts, segment.Slice(17, total), offset);
            (tableClass == 0 ? dcTables : acTables)[slot] = table;
            segment = segment[(17 + total)..];
        }
    }

    private void ReadFrame(ReadOnlySpan<byte> segment, bool progressive, int offset)
    {
        if (hasFrame)
        {
            throw new ImageDecodeException("JPEG has more than one frame header (SOF)", offset: offset);
        }

        if (segment.Length < 6)
        {
            throw new ImageDecodeException("SOF segment too short", offset: offset);
        }

        if (segment[0] != 8)
        {
            throw new ImageDecodeException($"unsupported JPEG sample precision {segment[0]} bits (only 8-bit is supported)", offset: offset);
        }

        height = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]);
        width = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
        int count = segment[5];
        if (width == 0 || height == 0)
        {
            throw new ImageDecodeException($"unsupported JPEG frame size {width}x{height} (zero height needs a DNL marker, which is not supported)", offset: offset);
        }

        if (count is not (1 or 3 or 4))
        {
            throw new ImageDecodeException($"unsupported JPEG with {count} components (1, 3 or 4 expected)", offset: offset);
        }

        if (segment.Length < 6 + 3 * count)
        {
            throw new ImageDecodeException($"SOF segment too short for {count} components", offset: offset);
        }

        var parsed = new JpegComponent[count];
        for (int i = 0; i < count; i++)
        {
            var entry = segment.Slice(6 + 3 * i, 3);
            int h = entry[1] >> 4, v = entry[1] & 15;
            if (h is < 1 or > 4 || v is < 1 or > 4 || entry[2] > 3)
            {
                throw new ImageDecodeException($"corrupt SOF: component {entry[0]} has sampling {h}x{v}, quantisation table {entry[2]}", offset: offset);
            }

            for (int j = 0; j < i; j++)
            {
                if (parsed[j].Id == entry[0])
                {
                    throw new ImageDecodeException($"corrupt SOF: component id {entry[0]} appears twice", offset: offset);
                }
            }

            parsed[i] = new JpegComponent(entry[0], h, v, entry[2]);
        }

        components = parsed;
        maxH = components.Max(c => c.HorizontalSampling);
        maxV = components.Max(c => c.VerticalSampling);
        foreach (var c in components)
        {
            if (maxH % c.HorizontalSampling != 0 || maxV % c.VerticalSampling != 0)
            {
                throw new ImageDecodeException($"unsupported fractional subsampling (component {c.Id} is {c.HorizontalSampling}x{c.VerticalSampling}, maximum {maxH}x{maxV})", offset: offset);
            }
        }

        hasFrame = true;
        isProgressive = progressive;
        if (!headerOnly)
        {
            LayOut(ChooseReduction(offset), offset);
        }
    }

    private int ChooseReduction(int offset)
    {
        int reduction = (int)options.Scale;
        if (options.MinShortSide > 0)
        {
            while (reduction < 8 && Math.Min(CeilDiv(width, 2 * reduction), CeilDiv(height, 2 * reduction)) >= options.MinShortSide)
            {
                reduction *= 2;
            }
        }

        long framePixels = (long)width * height;
        if (isProgressive && framePixels > options.MaxPixels)
        {
            throw new ImageDecodeException($"progressive JPEG of {width}x{height} ({framePixels} pixels) exceeds the pixel budget of {options.MaxPixels} ({options.MaxPixelsName}); raise it if the file is trusted", offset: offset);
        }

        if (options.DownscaleToFitBudget)
        {
            while (reduction < 8 && OutputPixels(reduction) > options.MaxPixels)
            {
                reduction *= 2;
            }
        }

        if (OutputPixels(reduction) > options.MaxPixels)
        {
            throw new ImageDecodeException($"JPEG of {width}x{height} would decode to {OutputPixels(reduction)} pixels, over the pixel budget of {options.MaxPixels} ({options.MaxPixelsName}); raise it if the file is trusted", offset: offset);
        }

        // Buffers are indexed by int: a budget raised past 2 Gi samples meets this decoder's own limit, which is
        // said as such rather than surfacing as an arithmetic overflow.
        long outputBytes = OutputPixels(reduction) * 3;
        if (outputBytes > Array.MaxLength)
        {
            throw ImplementationLimit($"{outputBytes} bytes of RGB output", offset);
        }

        return reduction;
    }

    private ImageDecodeException ImplementationLimit(string need, int offset) => new(
        $"JPEG of {width}x{height} needs {need}, over this decoder's limit of {Array.MaxLength} bytes per buffer "
        + "(an implementation limit, not a damaged file)", offset: offset);

    private long OutputPixels(int reduction) => (long)CeilDiv(width, reduction) * CeilDiv(height, reduction);

    private void LayOut(int reduction, int offset)
    {
        scaledBlockSize = 8 / reduction;
        mcusX = CeilDiv(width, 8 * maxH);
        mcusY = CeilDiv(height, 8 * maxV);
        foreach (var c in components)
        {
            int h = c.HorizontalSampling, v = c.VerticalSampling;
            c.BlocksPerLine = mcusX * h;
            c.BlocksPerColumn = mcusY * v;
            c.WidthInBlocks = CeilDiv(CeilDiv(width * h, maxH), 8);
            c.HeightInBlocks = CeilDiv(CeilDiv(height * v, maxV), 8);

            // Like libjpeg-turbo, undo subsampling through a larger IDCT when reducing (e.g. 4:2:0 chroma at
            // half scale uses the full 8x8 IDCT and needs no upsampling).
            int size = scaledBlockSize;
            while (size < 8 && (maxH * scaledBlockSize) % (h * size * 2) == 0 && (maxV * scaledBlockSize) % (v * size * 2) == 0)
            {
                size *= 2;
            }

            c.IdctSize = size;
            c.UpsampleX = maxH * scaledBlockSize / (h * size);
            c.UpsampleY = maxV * scaledBlockSize / (v * size);
            c.SampleWidth = (int)CeilDiv((long)width * h * size, maxH * 8L);
            c.SampleHeight = (int)CeilDiv((long)height * v * size, maxV * 8L);
            c.PlaneStride = c.BlocksPerLine * size;
            long planeLength = (long)c.PlaneStride * c.BlocksPerColumn * size;
            long coefficientCount = isProgressive ? (long)c.BlocksPerLine * c.BlocksPerColumn * 64 : 0;
            if (planeLength > Array.MaxLength || coefficientCount > Array.MaxLength)
            {
                throw ImplementationLimit($"a sample plane of {planeLength} bytes" + (isProgressive ? $" and {coefficientCount} coefficients" : ""), offset);
            }

            // Pooled: large per-image buffers would otherwise churn the large object heap. Every block the
            // output reads is written by a scan (or the decode fails), so stale contents never show.
            c.Plane = ArrayPool<byte>.Shared.Rent((int)planeLength);
        }
    }

    private int ReadScan(ReadOnlySpan<byte> data, ReadOnlySpan<byte> header, int dataStart, int offset)
    {
        if (!hasFrame)
        {
            throw new ImageDecodeException("scan (SOS) before frame header (SOF)", offset: offset);
        }

        if (++scanCount > options.MaxScans)
        {
            throw new ImageDecodeException(
                $"JPEG has more than {options.MaxScans} scans ({options.MaxScansName}): encoders write about 10, and each scan is a "
                + "pass over the whole image, so the file is malformed or built to exhaust the decoder", offset: offset);
        }

        int count = header.Length > 0 ? header[0] : 0;
        if (count < 1 || count > components.Length || header.Length < 4 + 2 * count)
        {
            throw new ImageDecodeException($"corrupt SOS header ({count} components, {header.Length} bytes)", offset: offset);
        }

        var scanComponents = new JpegComponent[count];
        for (int i = 0; i < count; i++)
        {
            int id = header[1 + 2 * i], tables = header[2 + 2 * i];
            var component = Array.Find(components, c => c.Id == id);
            if (component is null || Array.IndexOf(scanComponents, component) >= 0)
            {
                throw new ImageDecodeException($"corrupt SOS: component id {id} is unknown or repeated", offset: offset);
            }

            component.DcTableIndex = tables >> 4;
            component.AcTableIndex = tables & 15;
            scanComponents[i] = component;
        }

        int start = header[1 + 2 * count], end = header[2 + 2 * count];
        int high = header[3 + 2 * count] >> 4, low = header[3 + 2 * count] & 15;
        var scan = isProgressive ? new JpegScan(start, end, high, low) : new JpegScan(0, 63, 0, 0);
        if (isProgressive && (end > 63 || start > end || (start == 0) != (end == 0) || (start > 0 && count != 1) || low > 13))
        {
            throw new ImageDecodeException($"corrupt progressive scan parameters Ss={start} Se={end} Ah={high} Al={low} for {count} components", offset: offset);
        }

        foreach (var c in scanComponents)
        {
            bool needsDc = scan.Start == 0 && scan.High == 0, needsAc = scan.End > 0;
            if (c.DcTableIndex > 3 || c.AcTableIndex > 3 || (needsDc && dcTables[c.DcTableIndex] is null) || (needsAc && acTables[c.AcTableIndex] is null))
            {
                throw new ImageDecodeException($"scan uses an undefined Huffman table for component {c.Id}", offset: offset);
            }

            if (quantTables[c.QuantTableIndex] is null)
            {
                throw new ImageDecodeException($"component {c.Id} uses undefined quantisation table {c.QuantTableIndex}", offset: offset);
            }

            if (isProgressive)
            {
                // Blocks are transformed once all scans are in (TransformStoredBlocks), with the final tables.
                if (c.Coefficients is null)
                {
                    int length = c.BlocksPerLine * c.BlocksPerColumn * 64;
                    c.Coefficients = ArrayPool<short>.Shared.Rent(length);
                    c.Coefficients.AsSpan(0, length).Clear();
                }
            }
            else
            {
                c.TransformWeights = JpegIdct.Weights(quantTables[c.QuantTableIndex]!, c.IdctSize);
            }

            c.HasScanData = true;
            c.DcPredictor = 0;
        }

        return DecodeScan(data, dataStart, scanComponents, scan);
    }

    /// <summary>
    /// Decodes one scan's entropy-coded data. Damage inside it is recovered as libjpeg does: the rest of the
    /// damaged restart interval (or of the scan, without restart markers) is left at zero coefficients, decoding
    /// resumes at the next restart marker, and a warning is recorded. Data that simply ends (a truncated file)
    /// is not recovered: the photo is incomplete.
    /// </summary>
    private int DecodeScan(ReadOnlySpan<byte> data, int dataStart, JpegComponent[] scanComponents, JpegScan scan)
    {
        var reader = new JpegBitReader(data, dataStart);
        bool single = scanComponents.Length == 1;
        int unitsX = single ? scanComponents[0].WidthInBlocks : mcusX;
        int unitsY = single ? scanComponents[0].HeightInBlocks : mcusY;
        int units = unitsX * unitsY, interval = restartInterval > 0 ? restartInterval : units;
        int unit = 0, intervalIndex = 0, endOfBandRun = 0;
        while (unit < units)
        {
            int intervalEnd = Math.Min(unit + interval, units);
            try
            {
                for (; unit < intervalEnd; unit++)
                {
                    DecodeUnit(ref reader, scanComponents, unit % unitsX, unit / unitsX, scan, ref endOfBandRun);
                    if ((unit + 1) % unitsX == 0)
                    {
                        // Checked per row of units so that damage is caught close to where it happened.
                        ThrowIfPaddingConsumed(ref reader);
                    }
                }

                ThrowIfPaddingConsumed(ref reader);
            }
            catch (ImageDecodeException damage) when (FindMarker(data, Math.Min(reader.Position, data.Length)) >= 0)
            {
                // Another marker follows (a restart, the next scan, EOI): the data is damaged, not cut short.
                Warn($"{damage.Reason} (at byte offset {damage.Offset ?? reader.Position}); MCUs {unit} to {intervalEnd - 1} of the scan left blank");
                Blank(scanComponents, unitsX, unit, intervalEnd);
                unit = intervalEnd;
            }

            if (unit == units)
            {
                break;
            }

            // Restart interval `intervalIndex` ends with RST(intervalIndex mod 8); a damaged stretch may have lost
            // whole intervals, which the number of the next marker found tells.
            if (!reader.TryConsumeRestartMarker(out int number))
            {
                if (FindMarker(data, Math.Min(reader.Position, data.Length)) < 0)
                {
                    throw new ImageDecodeException("truncated JPEG: entropy-coded data ends before the scan is complete", offset: reader.Position);
                }

                Warn($"restart marker RST{intervalIndex % 8} not found (at byte offset {reader.Position}); MCUs {unit} to {units - 1} of the scan left blank");
                Blank(scanComponents, unitsX, unit, units);
                break;
            }

            int lost = (number - (intervalIndex % 8) + 8) % 8;
            if (lost > 0)
            {
                int resume = Math.Min(unit + (lost * interval), units);
                Warn($"restart marker RST{number} found where RST{intervalIndex % 8} was expected; MCUs {unit} to {resume - 1} of the scan left blank");
                Blank(scanComponents, unitsX, unit, resume);
                unit = resume;
            }

            intervalIndex += 1 + lost;
            foreach (var c in scanComponents)
            {
                c.DcPredictor = 0;
            }

            endOfBandRun = 0;
        }

        return reader.Position;
    }

    private void DecodeUnit(ref JpegBitReader reader, JpegComponent[] scanComponents, int mx, int my, JpegScan scan, ref int endOfBandRun)
    {
        if (scanComponents.Length == 1)
        {
            DecodeBlock(ref reader, scanComponents[0], mx, my, scan, ref endOfBandRun);
            return;
        }

        foreach (var c in scanComponents)
        {
            for (int v = 0; v < c.VerticalSampling; v++)
            {
                for (int h = 0; h < c.HorizontalSampling; h++)
                {
                    DecodeBlock(ref reader, c, mx * c.HorizontalSampling + h, my * c.VerticalSampling + v, scan, ref endOfBandRun);
                }
            }
        }
    }

    /// <summary>
    /// Units [from, to) lost to damage: sequential blocks become flat mid-gray (all coefficients zero, as libjpeg
    /// leaves them); progressive blocks keep what earlier scans gave them.
    /// </summary>
    private void Blank(JpegComponent[] scanComponents, int unitsX, int from, int to)
    {
        if (isProgressive)
        {
            return;
        }

        for (int unit = from; unit < to; unit++)
        {
            int mx = unit % unitsX, my = unit / unitsX;
            foreach (var c in scanComponents)
            {
                int blocksX = scanComponents.Length == 1 ? 1 : c.HorizontalSampling, blocksY = scanComponents.Length == 1 ? 1 : c.VerticalSampling;
                for (int v = 0; v < blocksY; v++)
                {
                    for (int h = 0; h < blocksX; h++)
                    {
                        int size = c.IdctSize, x = (mx * blocksX + h) * size, y = (my * blocksY + v) * size;
                        for (int row = 0; row < size; row++)
                        {
                            c.Plane.AsSpan(((y + row) * c.PlaneStride) + x, size).Fill(128);
                        }
                    }
                }
            }
        }
    }

    private void Warn(string warning)
    {
        // A damaged file can break every interval; a few lines say enough.
        const int MaxWarnings = 5;
        if (warnings.Count < MaxWarnings)
        {
            warnings.Add(warning);
        }
    }

    private static void ThrowIfPaddingConsumed(ref JpegBitReader reader)
    {
        if (reader.ConsumedPadding)
        {
            throw new ImageDecodeException("truncated or corrupt JPEG: entropy-coded data ends before the scan is complete", offset: reader.Position);
        }
    }

    private void DecodeBlock(ref JpegBitReader reader, JpegComponent c, int blockX, int blockY, JpegScan scan, ref int endOfBandRun)
    {
        if (!isProgressive)
        {
            var block = blockScratch.AsSpan();
            int predictor = c.DcPredictor;
            int rows = JpegBlockDecoder.DecodeSequential(ref reader, dcTables[c.DcTableIndex]!, acTables[c.AcTableIndex]!, ref predictor, block);
            c.DcPredictor = predictor;
            int size = c.IdctSize;
            JpegIdct.Transform(block, rows, c.TransformWeights, size, c.Plane.AsSpan((blockY * size * c.PlaneStride) + (blockX * size)), c.PlaneStride);
            JpegBlockDecoder.ClearRows(block, rows);
            return;
        }

        var coefficients = c.Coefficients.AsSpan(((blockY * c.BlocksPerLine) + blockX) * 64, 64);
        if (scan.Start == 0)
        {
            if (scan.High == 0)
            {
                JpegBlockDecoder.DecodeDcFirst(ref reader, dcTables[c.DcTableIndex]!, c, coefficients, scan.Low);
            }
            else if (reader.ReadBit())
            {
                coefficients[0] |= (short)(1 << scan.Low);
            }
        }
        else if (scan.High == 0)
        {
            JpegBlockDecoder.DecodeAcFirst(ref reader, acTables[c.AcTableIndex]!, coefficients, scan, ref endOfBandRun);
        }
        else
        {
            JpegBlockDecoder.DecodeAcRefine(ref reader, acTables[c.AcTableIndex]!, coefficients, scan, ref endOfBandRun);
        }
    }

    private RgbImage ConvertToRgb()
    {
        foreach (var c in components)
        {
            if (c.Coefficients is { } coefficients)
            {
                TransformStoredBlocks(c, coefficients);
            }
        }

        int outputWidth = CeilDiv(width, 8 / scaledBlockSize), outputHeight = CeilDiv(height, 8 / scaledBlockSize);
        var pixels = GC.AllocateUninitializedArray<byte>(outputWidth * outputHeight * 3);
        var upsamplers = Array.ConvertAll(components, c => new JpegUpsampler(c, fancy: scaledBlockSize > 1));
        var colorSpace = DetectColorSpace();
        int count = components.Length;
        for (int y = 0; y < outputHeight; y++)
        {
            var first = upsamplers[0].GetRow(y);
            var second = count > 1 ? upsamplers[1].GetRow(y) : default;
            var third = count > 2 ? upsamplers[2].GetRow(y) : default;
            var fourth = count > 3 ? upsamplers[3].GetRow(y) : default;
            var output = pixels.AsSpan(y * outputWidth * 3);
            switch (colorSpace)
            {
                case JpegColorSpace.Gray:
                    JpegColorConverter.GrayToRgb(first, output, outputWidth);
                    break;
                case JpegColorSpace.YCbCr:
                    JpegColorConverter.YCbCrToRgb(first, second, third, output, outputWidth);
                    break;
                case JpegColorSpace.Rgb:
                    JpegColorConverter.PlanarToRgb(first, second, third, output, outputWidth);
                    break;
                default:
                    JpegColorConverter.CmykToRgb(first, second, third, fourth, colorSpace == JpegColorSpace.Ycck, output, outputWidth);
                    break;
            }
        }

        return new RgbImage(outputWidth, outputHeight, pixels);
    }

    private void TransformStoredBlocks(JpegComponent c, short[] coefficients)
    {
        int size = c.IdctSize;
        var weights = JpegIdct.Weights(quantTables[c.QuantTableIndex]!, size);
        for (int by = 0; by < c.HeightInBlocks; by++)
        {
            for (int bx = 0; bx < c.WidthInBlocks; bx++)
            {
                var block = coefficients.AsSpan(((by * c.BlocksPerLine) + bx) * 64, 64);
                JpegIdct.Transform(block, JpegIdct.NonZeroRows(block), weights, size, c.Plane.AsSpan((by * size * c.PlaneStride) + (bx * size)), c.PlaneStride);
            }
        }
    }

    private void ReturnBuffers()
    {
        foreach (var c in components)
        {
            if (c.Plane.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(c.Plane);
                c.Plane = [];
            }

            if (c.Coefficients is { } coefficients)
            {
                ArrayPool<short>.Shared.Return(coefficients);
                c.Coefficients = null;
            }
        }
    }

    private JpegColorSpace DetectColorSpace()
    {
        // The rules of libjpeg's default_decompress_parms.
        switch (components.Length)
        {
            case 1:
                return JpegColorSpace.Gray;
            case 3 when hasJfif:
                return JpegColorSpace.YCbCr;
            case 3 when adobeTransform >= 0:
                return adobeTransform == 0 ? JpegColorSpace.Rgb : JpegColorSpace.YCbCr;
            case 3:
                bool namedRgb = components[0].Id == 'R' && components[1].Id == 'G' && components[2].Id == 'B';
                return namedRgb ? JpegColorSpace.Rgb : JpegColorSpace.YCbCr;
            default:
                return adobeTransform == 2 ? JpegColorSpace.Ycck : JpegColorSpace.Cmyk;
        }
    }

    private static int CeilDiv(int value, int divisor) => (value + divisor - 1) / divisor;

    private static long CeilDiv(long value, long divisor) => (value + divisor - 1) / divisor;
}
