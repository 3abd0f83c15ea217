using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PlaceDeMarche.Pipeline.Imaging.Formats.Jpeg;

/// <summary>Huffman decoding of one 8×8 block's coefficients for sequential scans and the four progressive scan kinds (T.81 F.2, G.1.2).</summary>
internal static class JpegBlockDecoder
{
    /// <summary>
    /// Decodes a full block (DC difference + 63 AC coefficients) into <paramref name="block"/> (cleared, natural
    /// order) and returns a mask of the coefficient rows that may be non-zero (bit v = row v) for the IDCT.
    /// This is the hottest loop of the decoder: the bit buffer lives in locals for the whole block, the row mask
    /// is computed once at the end rather than per coefficient, and the only call that returns is the refill.
    /// </summary>
    public static int DecodeSequential(ref JpegBitReader reader, JpegHuffmanTable dc, JpegHuffmanTable ac, ref int predictor, Span<short> block)
    {
        ulong bits = reader.BufferedBits;
        int count = reader.BufferedCount;
        if (count < 32)
        {
            (bits, count) = reader.Refill(bits, count);
        }

        int entry = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(dc.Lookup), (nint)(bits >> (64 - JpegHuffmanTable.LookaheadBits)));
        int category, length;
        if (entry != 0)
        {
            category = entry & 0xFF;
            length = entry >> 8;
        }
        else
        {
            category = dc.DecodeLong(bits, out length, reader.Position);
        }

        bits <<= length;
        count -= length;
        if (category != 0)
        {
            // At most 16 code bits were used of the 32 guaranteed, so the magnitude bits are buffered.
            if (category > 16)
            {
                ThrowDcCategory(category, reader.Position);
            }

            predictor += JpegBitReader.Extend((int)(bits >> (64 - category)), category);
            bits <<= category;
            count -= category;
        }

        ref short coefficients = ref MemoryMarshal.GetReference(block[..64]);
        coefficients = (short)predictor;
        ref byte zigZag = ref MemoryMarshal.GetReference(JpegIdct.ZigZagToNatural);
        ref int fast = ref MemoryMarshal.GetArrayDataReference(ac.AcFast);
        for (int k = 1; k < 64; k++)
        {
            if (count < 32)
            {
                (bits, count) = reader.Refill(bits, count);
            }

            nint index = (nint)(bits >> (64 - JpegHuffmanTable.LookaheadBits));
            int combined = Unsafe.Add(ref fast, index);
            int value;
            if (combined != 0)
            {
                k += (combined >> 8) & 0xFF;
                value = combined >> 16;
                bits <<= combined & 0xFF;
                count -= combined & 0xFF;
            }
            else
            {
                entry = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ac.Lookup), index);
                int runSize;
                if (entry != 0)
                {
                    runSize = entry & 0xFF;
                    length = entry >> 8;
                }
                else
                {
                    runSize = ac.DecodeLong(bits, out length, reader.Position);
                }

                bits <<= length;
                count -= length;
                int size = runSize & 15;
                if (size == 0)
                {
                    if (runSize != 0xF0)
                    {
                        break; // end of block
                    }

                    k += 15; // sixteen zeros (ZRL)
                    continue;
                }

                k += runSize >> 4;
                value = JpegBitReader.Extend((int)(bits >> (64 - size)), size);
                bits <<= size;
                count -= size;
            }

            if (k > 63)
            {
                if (value == 0)
                {
                    break; // end of block, or a run of sixteen zeros reaching the end, from the fast table
                }

                ThrowRunPastBlock(k, reader.Position);
            }

            // A zero value (sixteen zeros from the fast table) writes a zero: harmless.
            Unsafe.Add(ref coefficients, Unsafe.Add(ref zigZag, k)) = (short)value;
        }

        reader.Commit(bits, count);
        return JpegIdct.NonZeroRows(block) | 1;
    }

    /// <summary>Zeroes the coefficient rows in <paramref name="rowMask"/>: the rest of a decoded block is already zero.</summary>
    public static void ClearRows(Span<short> block, int rowMask)
    {
        ref short coefficients = ref MemoryMarshal.GetReference(block[..64]);
        for (int mask = rowMask; mask != 0; mask &= mask - 1)
        {
            Vector128<short>.Zero.StoreUnsafe(ref coefficients, (nuint)(BitOperations.TrailingZeroCount(mask) * 8));
        }
    }

    /// <summary>First DC scan of a progressive frame: the DC value shifted left by the point transform.</summary>
    public static void DecodeDcFirst(ref JpegBitReader reader, JpegHuffmanTable dc, JpegComponent component, Span<short> block, int pointTransform)
    {
        reader.EnsureBits();
        int predictor = component.DcPredictor + reader.ReceiveExtend(DcCategory(ref reader, dc));
        component.DcPredictor = predictor;
        block[0] = (short)(predictor << pointTransform);
    }

    /// <summary>First AC scan of a spectral band, with end-of-band runs spanning blocks.</summary>
    public static void DecodeAcFirst(ref JpegBitReader reader, JpegHuffmanTable ac, Span<short> block, JpegScan scan, ref int endOfBandRun)
    {
        if (endOfBandRun > 0)
        {
            endOfBandRun--;
            return;
        }

        var zigZag = JpegIdct.ZigZagToNatural;
        for (int k = scan.Start; k <= scan.End; k++)
        {
            reader.EnsureBits();
            int runSize = ac.DecodeSymbol(ref reader);
            int size = runSize & 15, run = runSize >> 4;
            if (size == 0)
            {
                if (run < 15)
                {
                    endOfBandRun = (1 << run) - 1 + reader.ReadBits(run);
                    return;
                }

                k += 15;
                continue;
            }

            k += run;
            block[zigZag[CheckIndex(k, scan.End, ref reader)]] = (short)(reader.ReceiveExtend(size) * (1 << scan.Low));
        }
    }

    /// <summary>AC refinement scan: one more bit for known non-zero coefficients, new ±1 coefficients in between.</summary>
    public static void DecodeAcRefine(ref JpegBitReader reader, JpegHuffmanTable ac, Span<short> block, JpegScan scan, ref int endOfBandRun)
    {
        var zigZag = JpegIdct.ZigZagToNatural;
        int plus = 1 << scan.Low, minus = -1 << scan.Low;
        int k = scan.Start;
        if (endOfBandRun == 0)
        {
            for (; k <= scan.End; k++)
            {
                reader.EnsureBits();
                int runSize = ac.DecodeSymbol(ref reader);
                int size = runSize & 15, run = runSize >> 4;
                int value = 0;
                if (size != 0)
                {
                    if (size != 1)
                    {
                        throw new ImageDecodeException($"corrupt progressive refinement: coefficient size {size} (must be 1)", offset: reader.Position);
                    }

                    value = reader.ReadBit() ? plus : minus;
                }
                else if (run != 15)
                {
                    endOfBandRun = (1 << run) + reader.ReadBits(run);
                    break;
                }

                // Refine non-zero coefficients passed over; stop at the run-th zero one (the new coefficient's place).
                for (; k <= scan.End; k++)
                {
                    ref short coefficient = ref block[zigZag[k]];
                    if (coefficient != 0)
                    {
                        Refine(ref reader, ref coefficient, plus, minus);
                    }
                    else if (run-- == 0)
                    {
                        break;
                    }
                }

                if (value != 0)
                {
                    block[zigZag[CheckIndex(k, scan.End, ref reader)]] = (short)value;
                }
            }
        }

        if (endOfBandRun > 0)
        {
            for (; k <= scan.End; k++)
            {
                ref short coefficient = ref block[zigZag[k]];
                if (coefficient != 0)
                {
                    Refine(ref reader, ref coefficient, plus, minus);
                }
            }

            endOfBandRun--;
        }
    }

    private static void Refine(ref JpegBitReader reader, ref short coefficient, int plus, int minus)
    {
        if (reader.ReadBit() && (coefficient & plus) == 0)
        {
            coefficient += (short)(coefficient >= 0 ? plus : minus);
        }
    }

    private static int DcCategory(ref JpegBitReader reader, JpegHuffmanTable dc)
    {
        int category = dc.DecodeSymbol(ref reader);
        if (category > 16)
        {
            ThrowDcCategory(category, reader.Position);
        }

        return category;
    }

    // Throws live outside the hot loop: an inlined interpolated message would cost a stack frame clear per block.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDcCategory(int category, int position) =>
        throw new ImageDecodeException($"corrupt JPEG: DC difference category {category} exceeds 16", offset: position);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowRunPastBlock(int k, int position) =>
        throw new ImageDecodeException($"corrupt JPEG: coefficient run passes the end of the block (index {k})", offset: position);

    private static int CheckIndex(int k, int last, ref JpegBitReader reader) =>
        k <= last ? k : throw new ImageDecodeException($"corrupt JPEG: coefficient run passes the end of the block (index {k} > {last})", offset: reader.Position);
}
