namespace PlaceDeMarche.Pipeline.Numerics.Random;

/// <summary>
/// The xoshiro256** generator (Blackman &amp; Vigna), seeded through SplitMix64. Unlike System.Random its output is
/// fixed by this code, so a seed reproduces the same stream on every runtime. Not thread-safe: give each partition
/// its own instance via <see cref="ForStream"/>.
/// </summary>
public sealed class Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareGaussian;
    private bool _hasSpareGaussian;

    /// <summary>Creates a generator whose whole state is derived from <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        var mixer = seed;
        _s0 = SplitMix64(ref mixer);
        _s1 = SplitMix64(ref mixer);
        _s2 = SplitMix64(ref mixer);
        _s3 = SplitMix64(ref mixer);
    }

    /// <summary>Creates an independent generator for sub-stream <paramref name="stream"/> of <paramref name="seed"/>
    /// (e.g. one per restart or per partition), so results do not depend on execution order.</summary>
    public static Xoshiro256StarStar ForStream(int seed, int stream)
    {
        var mixer = unchecked((ulong)seed ^ ((ulong)(uint)stream * 0xD1B54A32D192ED03UL));
        return new Xoshiro256StarStar(SplitMix64(ref mixer));
    }

    /// <summary>Next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias (Lemire's method).</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "The upper bound must be positive.");
        }

        var bound = (ulong)maxExclusive;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var product = Math.BigMul(NextUInt64(), bound, out var low);
            if (low >= threshold)
            {
                return (int)product;
            }
        }
    }

    /// <summary>Standard normal variate (Marsaglia polar method; the second value of each pair is cached).</summary>
    public double NextGaussian()
    {
        if (_hasSpareGaussian)
        {
            _hasSpareGaussian = false;
            return _spareGaussian;
        }

        double x, y, radius;
        do
        {
            x = 2.0 * NextDouble() - 1.0;
            y = 2.0 * NextDouble() - 1.0;
            radius = x * x + y * y;
        }
        while (radius >= 1.0 || radius == 0.0);

        var factor = Math.Sqrt(-2.0 * Math.Log(radius) / radius);
        _spareGaussian = y * factor;
        _hasSpareGaussian = true;
        return x * factor;
    }

    /// <summary>Gamma(<paramref name="shape"/>, 1) variate (Marsaglia &amp; Tsang 2000; shapes below 1 are boosted to
    /// shape + 1 and scaled by U^(1/shape)).</summary>
    public double NextGamma(double shape)
    {
        if (!(shape > 0) || double.IsInfinity(shape))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "The gamma shape must be positive and finite.");
        }

        if (shape < 1.0)
        {
            return NextGamma(shape + 1.0) * Math.Pow(1.0 - NextDouble(), 1.0 / shape);
        }

        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            var x = NextGaussian();
            var v = 1.0 + c * x;
            if (v <= 0.0)
            {
                continue;
            }

            v = v * v * v;
            var u = 1.0 - NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v))
            {
                return d * v;
            }
        }
    }

    /// <summary>Fisher–Yates shuffle of <paramref name="items"/> in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
