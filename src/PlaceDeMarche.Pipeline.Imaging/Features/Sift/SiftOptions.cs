namespace PlaceDeMarche.Pipeline.Imaging.Features.Sift;

/// <summary>Settings of <see cref="SiftExtractor"/>; defaults are Lowe's (2004) values, as OpenCV's SIFT_create.</summary>
public sealed record SiftOptions
{
    /// <summary>Scales sampled per octave (s); the pyramid holds s + 3 blurred images and s + 2 differences per octave.</summary>
    public int ScalesPerOctave { get; init; } = 3;

    /// <summary>Blur of the first level of each octave.</summary>
    public double Sigma { get; init; } = 1.6;

    /// <summary>Blur assumed already present in the input (camera/anti-aliasing).</summary>
    public double InputBlur { get; init; } = 0.5;

    /// <summary>Doubles the image first (more, smaller keypoints; Lowe's and OpenCV's default).</summary>
    public bool UpsampleInput { get; init; } = true;

    /// <summary>Minimum |interpolated DoG| × ScalesPerOctave, on intensities in [0, 1].</summary>
    public double ContrastThreshold { get; init; } = 0.04;

    /// <summary>Maximum ratio of principal curvatures; larger keeps more edge-like points.</summary>
    public double EdgeThreshold { get; init; } = 10;

    /// <summary>Keep at most this many keypoints, the strongest by response; 0 keeps all.</summary>
    public int MaxFeatures { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ScalesPerOctave, nameof(ScalesPerOctave));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Sigma, nameof(Sigma));
        ArgumentOutOfRangeException.ThrowIfNegative(InputBlur, nameof(InputBlur));
        ArgumentOutOfRangeException.ThrowIfNegative(ContrastThreshold, nameof(ContrastThreshold));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(EdgeThreshold, nameof(EdgeThreshold));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxFeatures, nameof(MaxFeatures));
    }
}
