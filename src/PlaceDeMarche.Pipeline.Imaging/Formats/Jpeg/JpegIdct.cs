using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PlaceDeMarche.Pipeline.Imaging.Formats.Jpeg;

/// <summary>
/// Dequantisation + inverse DCT of one 8×8 block to N×N samples (N = 8, 4, 2, 1), written with the +128 level
/// shift and clamped to bytes.
/// At N = 8 the transform is the exact separable float IDCT as two small matrix products on Vector256, skipping
/// all-zero coefficient rows and columns. For N &lt; 8 the output is exactly the full IDCT box-filtered to N×N
/// (DCT-domain downscaling that never builds the full block), computed directly from basis images
/// pre-multiplied by their quantiser (<see cref="Weights"/>), over the non-zero coefficients only: photo
/// blocks have few. Every operation is plain IEEE multiply/add in a fixed order (no fused multiply-add, no
/// hardware horizontal add), so results are identical on every machine.
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

    // Row u of the 8-point basis transposed: element x = basis8[x][u], for the horizontal pass.
    private static readonly Vector256<float>[] Basis8Columns = BuildColumns();

    // basis8[y][v] broadcast to all lanes, for the vertical pass.
    private static readonly Vector256<float>[] Basis8Broadcast = Array.ConvertAll(Basis8, Vector256.Create);

    /// <summary>Bit v set when coefficient row v of <paramref name="coefficients"/> has a non-zero value.</summary>
    public static int NonZeroRows(ReadOnlySpan<short> coefficients)
    {
        // A row is two 64-bit words: one bit per non-zero word (16 bits), then OR the pairs and keep one bit per row.
        ref ulong words = ref Unsafe.As<short, ulong>(ref MemoryMarshal.GetReference(coefficients[..64]));
        uint nonZeroWords = 0;
        for (int i = 0; i < 4; i++)
        {
            uint zero = Vector256.Equals(Vector256.LoadUnsafe(ref words, (nuint)(i * 4)), Vector256<ulong>.Zero).ExtractMostSignificantBits();
            nonZeroWords |= (~zero & 0xF) << (i * 4);
        }

        uint rows = (nonZeroWords | (nonZeroWords >> 1)) & 0x5555;
        rows = (rows | (rows >> 1)) & 0x3333;
        rows = (rows | (rows >> 2)) & 0x0F0F;
        return (int)((rows | (rows >> 4)) & 0xFF);
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
    /// The weights <see cref="Transform"/> needs for a quantisation table (natural order) at output size
    /// <paramref name="size"/>: the table itself for 8 and 1, else the dequantised basis images
    /// W(n, y, x) = quant[n] × R[y][n / 8] × R[x][n % 8], where row x of R averages rows x·8/size … (x+1)·8/size − 1
    /// of the 8-point IDCT basis. At 4 they are stored coefficient first (weights[n * 16 + y * 4 + x]: each non-zero
    /// coefficient adds its 4×4 image); at 2 output first (weights[(y * 2 + x) * 64 + n]: each output is a dot
    /// product with the coefficient rows, which keeps four independent sums instead of one long chain).
    /// </summary>
    public static float[] Weights(float[] quant, int size)
    {
        if (size is 8 or 1)
        {
            return quant;
        }

        var reduced = BuildReducedBasis(size);
        int area = size * size;
        var weights = new float[64 * area];
        for (int n = 0; n < 64; n++)
        {
            int v = n / 8, u = n % 8;
            for (int y = 0; y < size; y++)
            {
                for (int x = 0; x < size; x++)
                {
                    int output = (y * size) + x;
                    weights[size == 2 ? (output * 64) + n : (n * area) + output] = (float)(quant[n] * reduced[(y * 8) + v] * reduced[(x * 8) + u]);
                }
            }
        }

        return weights;
    }

    /// <summary>
    /// Transforms <paramref name="coefficients"/> (natural order, quantised; only rows in
    /// <paramref name="rowMask"/> may be non-zero) with <paramref name="weights"/> (from <see cref="Weights"/>
    /// for the same size) into a <paramref name="size"/>×<paramref name="size"/> block at <paramref name="destination"/>.
    /// </summary>
    public static void Transform(ReadOnlySpan<short> coefficients, int rowMask, ReadOnlySpan<float> weights, int size, Span<byte> destination, int stride)
    {
        switch (size)
        {
            case 8:
                Transform8(coefficients, rowMask, weights, destination, stride);
                break;
            case 4:
                TransformSparse4(coefficients, rowMask, weights, destination, stride);
                break;
            case 2:
                TransformDense2(coefficients, rowMask, weights, destination, stride);
                break;
            default:
                TransformFlat(coefficients[0], weights[0], destination);
                break;
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

    private static void TransformFlat(short dc, float quantDc, Span<byte> destination)
    {
        // 1x1: the block average.
        destination[0] = ToSample(dc * quantDc / 8f);
    }

    private static void TransformSparse4(ReadOnlySpan<short> coefficients, int rowMask, ReadOnlySpan<float> weights, Span<byte> destination, int stride)
    {
        ref short coefficient = ref MemoryMarshal.GetReference(coefficients[..64]);
        ref float weight = ref MemoryMarshal.GetReference(weights[..(64 * 16)]);
        _ = destination[(3 * stride) + 3];
        ref byte output = ref MemoryMarshal.GetReference(destination);

        // Output rows 0-1 and 2-3, each coefficient adding its scaled 4x4 basis image.
        var top = Vector256.Create(128.5f);
        var bottom = top;
        for (int mask = rowMask; mask != 0; mask &= mask - 1)
        {
            int v = BitOperations.TrailingZeroCount(mask);
            for (uint lanes = NonZeroLanes(ref coefficient, v); lanes != 0; lanes &= lanes - 1)
            {
                int n = (v * 8) + BitOperations.TrailingZeroCount(lanes);
                var value = Vector256.Create((float)Unsafe.Add(ref coefficient, n));
                top += value * Vector256.LoadUnsafe(ref weight, (nuint)(n * 16));
                bottom += value * Vector256.LoadUnsafe(ref weight, (nuint)((n * 16) + 8));
            }
        }

        var max = Vector256.Create(255f);
        var topInts = Vector256.ConvertToInt32(Vector256.Min(Vector256.Max(top, Vector256<float>.Zero), max));
        var bottomInts = Vector256.ConvertToInt32(Vector256.Min(Vector256.Max(bottom, Vector256<float>.Zero), max));
        var rows = Vector128.Narrow(
            Vector128.Narrow(topInts.GetLower(), topInts.GetUpper()).AsUInt16(),
            Vector128.Narrow(bottomInts.GetLower(), bottomInts.GetUpper()).AsUInt16()).AsUInt32();
        for (int y = 0; y < 4; y++)
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, y * stride), rows.GetElement(y));
        }
    }

    private static void TransformDense2(ReadOnlySpan<short> coefficients, int rowMask, ReadOnlySpan<float> weights, Span<byte> destination, int stride)
    {
        ref short coefficient = ref MemoryMarshal.GetReference(coefficients[..64]);
        ref float weight = ref MemoryMarshal.GetReference(weights[..(4 * 64)]);
        _ = destination[stride + 1];
        ref byte output = ref MemoryMarshal.GetReference(destination);

        // Four outputs, each a dot product of the coefficients with its 64 weights, one coefficient row at a time:
        // four independent accumulators instead of one dependency chain per non-zero coefficient.
        var topLeft = Vector256<float>.Zero;
        var topRight = topLeft;
        var bottomLeft = topLeft;
        var bottomRight = topLeft;
        for (int mask = rowMask; mask != 0; mask &= mask - 1)
        {
            int v = BitOperations.TrailingZeroCount(mask);
            var raw = Vector128.LoadUnsafe(ref coefficient, (nuint)(v * 8));
            var row = Vector256.ConvertToSingle(Vector256.Create(Vector128.WidenLower(raw), Vector128.WidenUpper(raw)));
            topLeft += row * Vector256.LoadUnsafe(ref weight, (nuint)(v * 8));
            topRight += row * Vector256.LoadUnsafe(ref weight, (nuint)(64 + (v * 8)));
            bottomLeft += row * Vector256.LoadUnsafe(ref weight, (nuint)(128 + (v * 8)));
            bottomRight += row * Vector256.LoadUnsafe(ref weight, (nuint)(192 + (v * 8)));
        }

        var sums = Vector128.Create(Total(topLeft), Total(topRight), Total(bottomLeft), Total(bottomRight)) + Vector128.Create(128.5f);
        var ints = Vector128.ConvertToInt32(Vector128.Min(Vector128.Max(sums, Vector128<float>.Zero), Vector128.Create(255f)));
        var shorts = Vector128.Narrow(ints, ints).AsUInt16();
        var bytes = Vector128.Narrow(shorts, shorts).AsUInt16();
        Unsafe.WriteUnaligned(ref output, bytes.GetElement(0));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, stride), bytes.GetElement(1));
    }

    // Sum of the eight lanes in a fixed order (no hardware horizontal add, whose order may differ between machines).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Total(Vector256<float> lanes)
    {
        var half = lanes.GetLower() + lanes.GetUpper();
        return (half.GetElement(0) + half.GetElement(1)) + (half.GetElement(2) + half.GetElement(3));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint NonZeroLanes(ref short coefficient, int row) =>
        Vector128.Equals(Vector128.LoadUnsafe(ref coefficient, (nuint)(row * 8)), Vector128<short>.Zero).ExtractMostSignificantBits() ^ 0xFF;

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

    private static double[] BuildReducedBasis(int size)
    {
        int group = 8 / size;
        var basis = new double[size * 8];
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

                basis[x * 8 + u] = sum / group;
            }
        }

        return basis;
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
