using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>
/// Float SIMD kernels of the skip-gram loop with a fixed 256-bit lane layout and no FMA, so a trained model is
/// bit-identical on every x64 CPU (TensorPrimitives may pick 512-bit lanes and change the rounding of the sums).
/// Numerics' kernels accumulate in double for the decompositions; the skip-gram loop needs float throughput.
/// </summary>
internal static class EmbeddingKernels
{
    /// <summary>Dot product of two equally long vectors.</summary>
    public static float Dot(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        var length = left.Length;
        ref var l = ref MemoryMarshal.GetReference(left);
        ref var r = ref MemoryMarshal.GetReference(right);
        var sum0 = Vector256<float>.Zero;
        var sum1 = Vector256<float>.Zero;
        var i = 0;
        for (; i <= length - 16; i += 16)
        {
            sum0 += Vector256.LoadUnsafe(ref l, (nuint)i) * Vector256.LoadUnsafe(ref r, (nuint)i);
            sum1 += Vector256.LoadUnsafe(ref l, (nuint)(i + 8)) * Vector256.LoadUnsafe(ref r, (nuint)(i + 8));
        }

        for (; i <= length - 8; i += 8)
            sum0 += Vector256.LoadUnsafe(ref l, (nuint)i) * Vector256.LoadUnsafe(ref r, (nuint)i);

        var total = Vector256.Sum(sum0 + sum1);
        for (; i < length; i++)
            total += Unsafe.Add(ref l, i) * Unsafe.Add(ref r, i);

        return total;
    }

    /// <summary>target += scale * source.</summary>
    public static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float scale)
    {
        var length = target.Length;
        ref var t = ref MemoryMarshal.GetReference(target);
        ref var s = ref MemoryMarshal.GetReference(source);
        var factor = Vector256.Create(scale);
        var i = 0;
        for (; i <= length - 8; i += 8)
            (Vector256.LoadUnsafe(ref t, (nuint)i) + factor * Vector256.LoadUnsafe(ref s, (nuint)i)).StoreUnsafe(ref t, (nuint)i);

        for (; i < length; i++)
            Unsafe.Add(ref t, i) += scale * Unsafe.Add(ref s, i);
    }

    /// <summary>Scales <paramref name="vector"/> to unit euclidean length; a zero vector stays zero.</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = MathF.Sqrt(Dot(vector, vector));
        if (norm > 0)
            Scale(vector, 1 / norm);
    }

    /// <summary>vector *= factor.</summary>
    public static void Scale(Span<float> vector, float factor)
    {
        for (var i = 0; i < vector.Length; i++)
            vector[i] *= factor;
    }
}
