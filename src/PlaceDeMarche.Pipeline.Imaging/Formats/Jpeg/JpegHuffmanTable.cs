using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace PlaceDeMarche.Pipeline.Imaging.Formats.Jpeg;

/// <summary>
/// A canonical JPEG Huffman table (ITU T.81 Annex C) with an 11-bit lookahead table for short codes, a
/// max-code fallback for longer ones, and for AC tables a combined lookahead that also decodes the
/// coefficient value when code and value bits together fit in 11 bits, and end-of-block and zero-run codes
/// (the common cases in photos; 11 bits rather than 9 cut the time of a 1/8-scale decode of the dataset,
/// which is mostly entropy decoding, by about 13 %, and the two tables still fit in 12 KiB of L1 cache).
/// </summary>
internal sealed class JpegHuffmanTable
{
    /// <summary>Number of bits examined by the lookahead tables.</summary>
    public const int LookaheadBits = 11;

    // (code length << 8) | symbol for codes of at most LookaheadBits bits; 0 means "longer code".
    private readonly ushort[] lookup = new ushort[1 << LookaheadBits];

    // Largest code of each length (index 1..16), -1 when no code has that length.
    private readonly int[] maxCode = new int[17];

    // symbols[valueOffset[length] + code] is the symbol of a code of that length.
    private readonly int[] valueOffset = new int[17];
    private readonly byte[] symbols;

    /// <summary>Builds the table from the 16 code-length counts and the symbols of a DHT segment.</summary>
    /// <exception cref="ImageDecodeException">The counts describe more codes than fit in their lengths.</exception>
    public JpegHuffmanTable(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> symbolValues, long offset)
    {
        symbols = symbolValues.ToArray();
        AcFast = new int[1 << LookaheadBits];
        int code = 0, k = 0;
        for (int length = 1; length <= 16; length++)
        {
            int count = counts[length - 1];
            valueOffset[length] = k - code;
            if (count > 0 && code + count > (1 << length))
            {
                throw new ImageDecodeException($"invalid Huffman table: {count} codes of length {length} do not fit", offset: offset);
            }

            for (int i = 0; i < count; i++, code++, k++)
            {
                if (length <= LookaheadBits)
                {
                    int shift = LookaheadBits - length;
                    var entry = (ushort)((length << 8) | symbols[k]);
                    lookup.AsSpan(code << shift, 1 << shift).Fill(entry);
                }
            }

            maxCode[length] = count > 0 ? code - 1 : -1;
            code <<= 1;
        }

        BuildAcFast();
    }

    /// <summary>
    /// For AC decoding: indexed by the next <see cref="LookaheadBits"/> bits, (value &lt;&lt; 16) | (zero run &lt;&lt; 8) | bits
    /// consumed, or 0 when the slow path is needed (long code or value bits past the lookahead). Value 0 marks the
    /// two codes without a coefficient: sixteen zeros (run 15) and end of block (run <see cref="EndOfBlockRun"/>,
    /// which moves the index past the block).
    /// </summary>
    public int[] AcFast { get; }

    /// <summary>Zero run recorded in <see cref="AcFast"/> for the end-of-block code.</summary>
    public const int EndOfBlockRun = 0xFF;

    /// <summary>Indexed by the next <see cref="LookaheadBits"/> bits: (code length &lt;&lt; 8) | symbol, or 0 for codes longer than 9 bits.</summary>
    public ushort[] Lookup => lookup;

    /// <summary>Decodes one symbol; the reader must hold at least 16 bits (see <see cref="JpegBitReader.EnsureBits"/>).</summary>
    public int DecodeSymbol(ref JpegBitReader reader)
    {
        int entry = lookup[reader.PeekBits(LookaheadBits)];
        if (entry != 0)
        {
            reader.SkipBits(entry >> 8);
            return entry & 0xFF;
        }

        int symbol = DecodeLong(reader.BufferedBits, out int length, reader.Position);
        reader.SkipBits(length);
        return symbol;
    }

    /// <summary>Slow path for codes longer than the lookahead: the symbol at the top of <paramref name="bits"/> and its code length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DecodeLong(ulong bits, out int length, int position)
    {
        // Inlined so the block decoder's loop makes no call that returns, which keeps its state in registers.
        for (length = LookaheadBits + 1; length <= 16; length++)
        {
            int code = (int)(bits >> (64 - length));
            if (code <= maxCode[length])
            {
                return symbols[valueOffset[length] + code];
            }
        }

        ThrowNoCode(position);
        return 0;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNoCode(int position) =>
        throw new ImageDecodeException("corrupt entropy-coded data: bit pattern matches no Huffman code", offset: position);

    private void BuildAcFast()
    {
        for (int bits = 0; bits < lookup.Length; bits++)
        {
            int entry = lookup[bits];
            if (entry == 0)
            {
                continue;
            }

            int codeLength = entry >> 8, runSize = entry & 0xFF;
            int run = runSize >> 4, size = runSize & 15;
            if (size == 0)
            {
                // EOB and ZRL; other run/size-0 symbols (end-of-band runs, only in progressive scans) take the slow path.
                if (runSize is 0x00 or 0xF0)
                {
                    AcFast[bits] = ((runSize == 0 ? EndOfBlockRun : 15) << 8) | codeLength;
                }

                continue;
            }

            if (codeLength + size > LookaheadBits)
            {
                continue;
            }

            int raw = (bits >> (LookaheadBits - codeLength - size)) & ((1 << size) - 1);
            AcFast[bits] = (JpegBitReader.Extend(raw, size) << 16) | (run << 8) | (codeLength + size);
        }
    }
}
