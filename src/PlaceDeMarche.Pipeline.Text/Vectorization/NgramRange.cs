namespace PlaceDeMarche.Pipeline.Text.Vectorization;

/// <summary>The n-gram lengths to extract, inclusive, like scikit-learn's <c>ngram_range</c>: (1, 2) = words and word pairs.</summary>
public readonly record struct NgramRange
{
    /// <summary>Creates a range; throws when <paramref name="min"/> &lt; 1 or <paramref name="max"/> &lt; <paramref name="min"/>.</summary>
    public NgramRange(int min, int max)
    {
        if (min < 1 || max < min)
            throw new ArgumentException($"Invalid n-gram range ({min}, {max}): it needs 1 <= min <= max, e.g. (1, 2).");
        Min = min;
        Max = max;
    }

    /// <summary>Single words only: (1, 1).</summary>
    public static NgramRange Unigrams { get; } = new(1, 1);

    /// <summary>Shortest n-gram length (at least 1).</summary>
    public int Min { get; }

    /// <summary>Longest n-gram length.</summary>
    public int Max { get; }

    /// <inheritdoc/>
    public override string ToString() => $"({Min}, {Max})";
}
