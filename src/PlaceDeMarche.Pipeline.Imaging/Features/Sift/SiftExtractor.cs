namespace PlaceDeMarche.Pipeline.Imaging.Features.Sift;

/// <summary>
/// Lowe's SIFT (2004) keypoints and descriptors. An instance keeps its pyramid and scratch buffers between calls, so
/// it is not thread-safe: use one per thread (e.g. with Parallel.For's thread-local state) when processing many images.
/// Results depend only on the image and the options.
/// </summary>
public sealed class SiftExtractor
{
    private readonly SiftOptions _options;
    private readonly SiftPyramid _pyramid;
    private readonly List<SiftCandidate> _extrema = [];
    private readonly List<SiftCandidate> _oriented = [];
    private readonly float[] _rawOrientations = new float[SiftOrientation.Bins];
    private readonly float[] _smoothOrientations = new float[SiftOrientation.Bins];
    private readonly SiftDescriptor _descriptor = new();

    /// <summary>An extractor with the given settings (Lowe's defaults when null).</summary>
    public SiftExtractor(SiftOptions? options = null)
    {
        _options = options ?? new SiftOptions();
        _options.Validate();
        _pyramid = new SiftPyramid(_options);
    }

    /// <summary>Detects and describes the keypoints of <paramref name="image"/>, strongest first.</summary>
    public SiftFeatures Extract(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        _extrema.Clear();
        _oriented.Clear();
        _pyramid.Build(image);
        SiftDetector.Detect(_pyramid, _options, _extrema);
        foreach (var extremum in _extrema)
        {
            SiftOrientation.Assign(
                extremum, _pyramid.Gaussian(extremum.Octave, extremum.Layer), _pyramid.Widths[extremum.Octave], _pyramid.Heights[extremum.Octave],
                _rawOrientations, _smoothOrientations, _oriented);
        }

        var order = RankByResponse();
        var count = _options.MaxFeatures > 0 ? Math.Min(_options.MaxFeatures, order.Length) : order.Length;
        var keypoints = new SiftKeypoint[count];
        var descriptors = new float[count * SiftFeatures.DescriptorLength];
        // Octave coordinates to input pixels. The upsampled base pixel c sits at input position c / 2 - 1/4 (centres
        // aligned); OpenCV omits the 1/4, so its points are 0.25 px right of and below ours.
        var baseScale = _options.UpsampleInput ? 0.5f : 1f;
        var baseOffset = _options.UpsampleInput ? -0.25f : 0f;
        for (var k = 0; k < count; k++)
        {
            var candidate = _oriented[order[k]];
            var octave = candidate.Octave;
            var toInput = baseScale * (1 << octave);
            keypoints[k] = new SiftKeypoint(candidate.X * toInput + baseOffset, candidate.Y * toInput + baseOffset, candidate.OctaveSigma * toInput, candidate.Angle, candidate.Response);
            _descriptor.Compute(
                candidate, _pyramid.Gaussian(octave, candidate.Layer), _pyramid.Widths[octave], _pyramid.Heights[octave],
                descriptors.AsSpan(k * SiftFeatures.DescriptorLength, SiftFeatures.DescriptorLength));
        }

        return new SiftFeatures(keypoints, descriptors);
    }

    /// <summary>Indices of the oriented candidates by decreasing response; ties keep detection order (deterministic).</summary>
    private int[] RankByResponse()
    {
        var order = new int[_oriented.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var byResponse = _oriented[b].Response.CompareTo(_oriented[a].Response);
            return byResponse != 0 ? byResponse : a.CompareTo(b);
        });
        return order;
    }
}
