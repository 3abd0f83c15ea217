namespace PlaceDeMarche.Pipeline.Imaging.Features.Sift;

/// <summary>Keypoints of one image, strongest first, and their descriptors (128 floats each, unit L2 norm).</summary>
public sealed class SiftFeatures
{
    /// <summary>Length of one descriptor: 4 × 4 spatial cells × 8 orientations.</summary>
    public const int DescriptorLength = 128;

    /// <summary>Wraps keypoints and their row-major descriptors.</summary>
    public SiftFeatures(SiftKeypoint[] keypoints, float[] descriptors)
    {
        ArgumentNullException.ThrowIfNull(keypoints);
        ArgumentNullException.ThrowIfNull(descriptors);
        if (descriptors.Length != keypoints.Length * DescriptorLength)
        {
            throw new ArgumentException($"Expected {keypoints.Length * DescriptorLength} descriptor values for {keypoints.Length} keypoints, got {descriptors.Length}.", nameof(descriptors));
        }

        Keypoints = keypoints;
        Descriptors = descriptors;
    }

    /// <summary>The keypoints.</summary>
    public IReadOnlyList<SiftKeypoint> Keypoints { get; }

    /// <summary>Descriptor i occupies [i × 128, (i + 1) × 128).</summary>
    public float[] Descriptors { get; }

    /// <summary>Number of keypoints.</summary>
    public int Count => Keypoints.Count;

    /// <summary>The descriptor of keypoint <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Descriptor(int index) => Descriptors.AsSpan(index * DescriptorLength, DescriptorLength);
}
