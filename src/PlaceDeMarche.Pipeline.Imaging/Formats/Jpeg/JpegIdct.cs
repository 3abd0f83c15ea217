using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PlaceDeMarche.Pipeline.Imaging.Formats.Jpeg;

/// <summary>
/// Dequantisation + inverse DCT of one 8×8 block to N×N samples (N = 8, 4, 2, 1), written with the +128 level
/// shift and clamped to bytes.
/// The transform is the exact separable float IDCT as two small matrix products; for N &lt; 8 the matrices
/// average groups of 8/N output rows, so the result is exactly the full IDCT box-filtered to N×N: DCT-domain
/// downscaling that never builds the full block. The 8-point case runs on Vector256 and both skip
/// all-zero coefficient rows (most rows of a photo block are zero). Every operation is plain IEEE
/// multiply/add in a fixed order (no fused multiply-add), so results are identical on every machine.
/// </summary>
internal static class JpegIdct
{
    /// <summary>Natural-order index of the k-th coefficient in zigzag order (T.81 Figure A.6).</summary>
    public static ReadOnlySpan<byte> ZigZagToNatural =>
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ];

    // basis8[x * 8 + u] = C(u)/2 * cos((2x + 1) u pi / 16): one dimension of the 2-D IDCT.
    private static readonly float[] Basis8 = BuildBasis();

    // For N = 2, 4: row x of the N x 8 matrix averages rows x*8/N .. (x+1)*8/N - 1 of basis8, so the reduced
    // output is exactly the box-filtered full-size IDCT (as djpeg -scale approximates).
    private static readonly float[][] ReducedBasis = [[], [], BuildReducedBasis(2), [], BuildReducedBasis(4)];

    // Column u of each reduced basis as a vector (element x = reducedBasis[x][u], zero past N), for the horizontal pass.
    private static readonly Vector128<float>[][] ReducedColumns = [[], [], BuildReducedColumns(2), [], BuildReducedColumns(4)];

    // Row u of the 8-point basis transposed: element x = basis8[x][u], for the horizontal pass.
    private static readonly Vector256<float>[] Basis8Columns = BuildColumns();

    // basis8[y][v] broadcast to all lanes, for the vertical pass.
    private static readonly Vector256<float>[] Basis8Broadcast = Array.ConvertAll(Basis8, Vector256.Create);

    /// <summary>Bit v set when coefficient row v of <paramref name="coefficients"/> has a non-zero value.</summary>
    public static int NonZeroRows(ReadOnlySpan<short> coefficients)
    {
        var longs = MemoryMarshal.Cast<short, ulong>(coefficients[..64]);
        int mask = 0;
        for (int v = 0; v < 8; v++)
        {
            if ((longs[2 * v] | longs[2 * v + 1]) != 0)
            {
                mask |= 1 << v;
            }
        }

        return mask;
    }

    private static int LastNonZeroColumn(ref short coefficient, int rowMask)
    {
        // OR of all active rows, as eight 16-bit lanes: the highest non-zero lane is the last column in use.
        var any = Vector128<short>.Zero;
        for (int mask = rowMask; mask != 0; mask &= mask - 1)
        {
            any |= Vector128.LoadUnsafe(ref coefficient, (nuint)(BitOperations.TrailingZeroCount(mask) * 8));
        }

        uint used = Vector128.Equals(any, Vector128<short>.Zero).ExtractMostSignificantBits() ^ 0xFF;
        return used == 0 ? 0 : 31 - BitOperations.LeadingZeroCount(used);
    }

    /// <summary>
    /// Transforms <paramref name="coefficients"/> (natural order, quantised; only rows in
    /// <paramref name="rowMask"/> may be non-zero) with <paramref name="quant"/> (natural order) into a
    /// <paramref name="size"/>×<paramref name="size"/> block at <paramref name="destination"/>.
    /// </summary>
    public static void Transform(ReadOnlySpan<short> coefficients, int rowMask, ReadOnlySpan<float> quant, int size, Span<byte> destination, int stride)
    {
        if (size == 8)
        {
            Transform8(coefficients, rowMask, quant, destination, stride);
        }
        else
        {
            TransformReduced(coefficients, rowMask, quant, size, destination, stride);
        }
    }

    private static void Transform8(ReadOnlySpan<short> coefficients, int rowMask, ReadOnlySpan<float> quant, Span<byte> destination, int stride)
    {
        ref short coefficient = ref MemoryMarshal.GetReference(coefficients[..64]);
        ref float q = ref MemoryMarshal.GetReference(quant[..64]);
        _ = destination[(7 * stride) + 7];
        ref byte output = ref MemoryMarshal.GetReference(destination);
        if (IsDcOnly(ref coefficient, rowMask))
        {
            // DC only (or empty): a flat block.
            ulong flat = ToSample(coefficient * q / 8f) * 0x0101010101010101UL;
            for (int y = 0; y < 8; y++)
            {
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, y * stride), flat);
            }

            return;
        }

        // Horizontal pass: rows[v][x] = sum_u F[v][u] * basis8[x][u], for the rows that have coefficients and
        // the columns up to the last non-zero one (photo blocks rarely reach the high horizontal frequencies).
        int lastColumn = LastNonZeroColumn(ref coefficient, rowMask);
        Span<Vector256<float>> rows = stackalloc Vector256<float>[8];
        Span<float> dequantised = stackalloc float[8];
        ref float f = ref MemoryMarshal.GetReference(dequantised);
        ref Vector256<float> columns = ref MemoryMarshal.GetArrayDataReference(Basis8Columns);
        ref Vector256<float> row = ref MemoryMarshal.GetReference(rows);
        for (int mask = rowMask; mask != 0; mask &= mask - 1)
        {
            int v = BitOperations.TrailingZeroCount(mask);
            var raw = Vector128.LoadUnsafe(ref coefficient, (nuint)(v * 8));
            var widened = Vector256.Create(Vector128.WidenLower(raw), Vector128.WidenUpper(raw));
            (Vector256.ConvertToSingle(widened) * Vector256.LoadUnsafe(ref q, (nuint)(v * 8))).StoreUnsafe(ref f);
            var sum = Vector256.Create(f) * columns;
            for (int u = 1; u <= lastColumn; u++)
            {
                sum += Vector256.Create(Unsafe.Add(ref f, u)) * Unsafe.Add(ref columns, u);
            }

            Unsafe.Add(ref row, v) = sum;
        }

        // Vertical pass: out[y][x] = sum_v basis8[y][v] * rows[v][x], then level shift, round, clamp.
        ref Vector256<float> basis = ref MemoryMarshal.GetArrayDataReference(Basis8Broadcast);
        var bias = Vector256.Create(128.5f);
        var max = Vector256.Create(255f);
        for (int y = 0; y < 8; y++)
        {
            var sum = bias;
            for (int mask = rowMask; mask != 0; mask &= mask - 1)
            {
                int v = BitOperations.TrailingZeroCount(mask);
                sum += Unsafe.Add(ref basis, (y * 8) + v) * Unsafe.Add(ref row, v);
            }

            var ints = Vector256.ConvertToInt32(Vector256.Min(Vector256.Max(sum, Vector256<float>.Zero), max));
            var shorts = Vector128.Narrow(ints.GetLower(), ints.GetUpper()).AsUInt16();
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, y * stride), Vector128.Narrow(shorts, shorts).AsUInt64().ToScalar());
        }
    }

    private static void TransformReduced(ReadOnlySpan<short> coefficients, int rowMask, ReadOnlySpan<float> quant, int size, Span<byte> destination, int stride)
    {
        ref short coefficient = ref MemoryMarshal.GetReference(coefficients[..64]);
        ref float q = ref MemoryMarshal.GetReference(quant[..64]);
        _ = destination[((size - 1) * stride) + size - 1];
        ref byte output = ref MemoryMarshal.GetReference(destination);
        if (size == 1 || IsDcOnly(ref coefficient, rowMask))
        {
            // Flat block: every reduced sample is the block average.
            byte flat = ToSample(coefficient * q / 8f);
            for (int y = 0; y < size; y++)
            {
                Unsafe.InitBlockUnaligned(ref Unsafe.Add(ref output, y * stride), flat, (uint)size);
            }

            return;
        }

        // Same products and summation order as the scalar definition (columns past the last non-zero one
        // would only add exact zeros), four output columns per Vector128.
        int lastColumn = LastNonZeroColumn(ref coefficient, rowMask);
        Span<Vector128<float>> rows = stackalloc Vector128<float>[8];
        Span<float> dequantised = stackalloc float[8];
        ref float f = ref MemoryMarshal.GetReference(dequantised);
        ref Vector128<float> columns = ref MemoryMarshal.GetArrayDataReference(ReducedColumns[size]);
        ref Vector128<float> row = ref MemoryMarshal.GetReference(rows);
        for (int mask = rowMask; mask != 0; mask &= mask - 1)
        {
            int v = BitOperations.TrailingZeroCount(mask);
            var raw = Vector128.LoadUnsafe(ref coefficient, (nuint)(v * 8));
            var widened = Vector256.Create(Vector128.WidenLower(raw), Vector128.WidenUpper(raw));
            (Vector256.ConvertToSingle(widened) * Vector256.LoadUnsafe(ref q, (nuint)(v * 8))).StoreUnsafe(ref f);
            var sum = Vector128.Create(f) * columns;
            for (int u = 1; u <= lastColumn; u++)
            {
                sum += Vector128.Create(Unsafe.Add(ref f, u)) * Unsafe.Add(ref columns, u);
            }

            Unsafe.Add(ref row, v) = sum;
        }

        ref float basis = ref MemoryMarshal.GetArrayDataReference(ReducedBasis[size]);
        var bias = Vector128.Create(128.5f);
        var max = Vector128.Create(255f);
        int first = BitOperations.TrailingZeroCount(rowMask);
        for (int y = 0; y < size; y++)
        {
            var sum = Vector128.Create(Unsafe.Add(ref basis, (y * 8) + first)) * Unsafe.Add(ref row, first);
            for (int mask = rowMask & (rowMask - 1); mask != 0; mask &= mask - 1)
            {
                int v = BitOperations.TrailingZeroCount(mask);
                sum += Vector128.Create(Unsafe.Add(ref basis, (y * 8) + v)) * Unsafe.Add(ref row, v);
            }

            var ints = Vector128.ConvertToInt32(Vector128.Min(Vector128.Max(sum + bias, Vector128<float>.Zero), max));
            var shorts = Vector128.Narrow(ints, ints).AsUInt16();
            uint packed = Vector128.Narrow(shorts, shorts).AsUInt32().ToScalar();
            ref byte target = ref Unsafe.Add(ref output, y * stride);
            if (size == 4)
            {
                Unsafe.WriteUnaligned(ref target, packed);
            }
            else
            {
                Unsafe.WriteUnaligned(ref target, (ushort)packed);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDcOnly(ref short coefficient, int rowMask) =>
        rowMask <= 1 && (Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<short, byte>(ref coefficient)) & ~0xFFFFUL) == 0
        && Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<short, byte>(ref Unsafe.Add(ref coefficient, 4))) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte ToSample(float value) => (byte)(int)Math.Clamp(value + 128.5f, 0f, 255f);

    private static float[] BuildBasis()
    {
        var basis = new float[64];
        for (int x = 0; x < 8; x++)
        {
            for (int u = 0; u < 8; u++)
            {
                double scale = u == 0 ? Math.Sqrt(0.5) : 1.0;
                basis[x * 8 + u] = (float)(0.5 * scale * Math.Cos((2 * x + 1) * u * Math.PI / 16));
            }
        }

        return basis;
    }

    private static float[] BuildReducedBasis(int size)
    {
        int group = 8 / size;
        var basis = new float[size * 8];
        for (int x = 0; x < size; x++)
        {
            for (int u = 0; u < 8; u++)
            {
                double sum = 0;
                for (int j = 0; j < group; j++)
                {
                    double scale = u == 0 ? Math.Sqrt(0.5) : 1.0;
                    sum += 0.5 * scale * Math.Cos((2 * (x * group + j) + 1) * u * Math.PI / 16);
                }

                basis[x * 8 + u] = (float)(sum / group);
            }
        }

        return basis;
    }

    private static Vector128<float>[] BuildReducedColumns(int size)
    {
        var basis = ReducedBasis[size];
        var columns = new Vector128<float>[8];
        Span<float> column = stackalloc float[4];
        for (int u = 0; u < 8; u++)
        {
            column.Clear();
            for (int x = 0; x < size; x++)
            {
                column[x] = basis[x * 8 + u];
            }

            columns[u] = Vector128.Create<float>(column);
        }

        return columns;
    }

    private static Vector256<float>[] BuildColumns()
    {
        var basis = Basis8;
        var columns = new Vector256<float>[8];
        Span<float> column = stackalloc float[8];
        for (int u = 0; u < 8; u++)
        {
            for (int x = 0; x < 8; x++)
            {
                column[x] = basis[x * 8 + u];
            }

            columns[u] = Vector256.Create<float>(column);
        }

        return columns;
    }
}
