using PlaceDeMarche.Pipeline.Imaging.Features.Sift;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Features;

public class SiftExtractorTests
{
    /// <summary>(cx, cy, σ, amplitude) of Gaussian blobs on a 110 background, 160 × 120 (same in the numpy reference).</summary>
    private static readonly (double X, double Y, double Sigma, double Amplitude)[] Blobs =
        [(30, 30, 3, 120), (80, 28, 5, -90), (130, 35, 4, 100), (40, 85, 6, 110), (95, 80, 3.5, -100), (135, 90, 2.5, 120), (70, 55, 2, 80)];

    /// <summary>
    /// cv2.SIFT_create() (OpenCV 4.6) on BlobImage: distinct (x, y, size / 2) of its 57 keypoints (7 locations, several
    /// orientations each because the blobs are isotropic). OpenCV's points carry a +0.25 px bias from its upsampling.
    /// </summary>
    private static readonly (float X, float Y, float Scale)[] OpenCvBlobKeypoints =
        [(30.24f, 30.24f, 2.66f), (135.23f, 90.23f, 2.21f), (40.24f, 85.28f, 5.32f), (95.26f, 80.26f, 3.11f), (130.23f, 35.23f, 3.56f),
         (80.23f, 28.23f, 4.46f), (70.24f, 55.24f, 1.77f)];

    private static GrayImage BlobImage()
    {
        const int Width = 160;
        const int Height = 120;
        var pixels = new byte[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var value = 110.0;
                foreach (var (cx, cy, sigma, amplitude) in Blobs)
                {
                    value += amplitude * Math.Exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * sigma * sigma));
                }

                pixels[y * Width + x] = (byte)Math.Clamp(Math.Round(value), 0, 255);
            }
        }

        return new GrayImage(Width, Height, pixels);
    }

    /// <summary>Anisotropic texture: elongated Gaussian bumps at pseudo-random places, orientations and signs.</summary>
    private static GrayImage Texture(int size)
    {
        var pixels = new double[size * size];
        var state = 12345u;
        float Next()
        {
            state = state * 1664525u + 1013904223u;
            return (state >> 8) / (float)(1 << 24);
        }

        for (var b = 0; b < 60; b++)
        {
            double cx = 8 + Next() * (size - 16), cy = 8 + Next() * (size - 16);
            double sx = 1.5 + Next() * 4, sy = 1.5 + Next() * 2, theta = Next() * Math.PI, amplitude = (Next() - 0.5) * 160;
            var (cos, sin) = (Math.Cos(theta), Math.Sin(theta));
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    var u = (x - cx) * cos + (y - cy) * sin;
                    var v = -(x - cx) * sin + (y - cy) * cos;
                    pixels[y * size + x] += amplitude * Math.Exp(-(u * u / (2 * sx * sx) + v * v / (2 * sy * sy)));
                }
            }
        }

        return new GrayImage(size, size, pixels.Select(p => (byte)Math.Clamp(Math.Round(128 + p), 0, 255)).ToArray());
    }

    /// <summary>Exact 90° rotation (counter-clockwise on screen): input (x, y) moves to (y, size - 1 - x).</summary>
    private static GrayImage RotateCounterClockwise(GrayImage image)
    {
        var size = image.Width;
        var pixels = new byte[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                pixels[(size - 1 - x) * size + y] = image.Pixels[y * size + x];
            }
        }

        return new GrayImage(size, size, pixels);
    }

    [Fact]
    public void FindsEachBlobAtItsCentreAndScale()
    {
        var features = new SiftExtractor().Extract(BlobImage());
        foreach (var (cx, cy, sigma, _) in Blobs)
        {
            var near = features.Keypoints.Where(k => Math.Abs(k.X - cx) < 0.5 && Math.Abs(k.Y - cy) < 0.5).ToList();
            Assert.True(near.Count > 0, $"no keypoint within 0.5 px of the blob at ({cx}, {cy})");
            // The DoG peaks near 0.9 σ for a Gaussian blob (OpenCV finds the same ratio, see OpenCvBlobKeypoints).
            Assert.All(near, k => Assert.InRange(k.Scale / sigma, 0.75, 1.05));
        }
    }

    [Fact]
    public void AgreesWithOpenCvOnTheBlobImage()
    {
        // Tolerances: 0.4 px in position once OpenCV's +0.25 bias is removed, 5 % in scale (we blur with a 3σ kernel
        // radius, OpenCV with 4σ), and no keypoint location OpenCV does not have.
        var features = new SiftExtractor().Extract(BlobImage());
        foreach (var (x, y, scale) in OpenCvBlobKeypoints)
        {
            Assert.Contains(features.Keypoints, k => Math.Abs(k.X - (x - 0.25f)) < 0.4 && Math.Abs(k.Y - (y - 0.25f)) < 0.4 && Math.Abs(k.Scale / scale - 1) < 0.05);
        }

        Assert.All(features.Keypoints, k => Assert.Contains(OpenCvBlobKeypoints, o => Math.Abs(k.X - (o.X - 0.25f)) < 0.5 && Math.Abs(k.Y - (o.Y - 0.25f)) < 0.5));
        // OpenCV's 57 are 7 blobs × 5–7 orientations of near-equal histogram peaks (isotropic blobs): the orientation
        // count is noise here, so only the number of distinct places is compared.
        var places = features.Keypoints.Select(k => (MathF.Round(k.X), MathF.Round(k.Y))).Distinct().Count();
        Assert.Equal(OpenCvBlobKeypoints.Length, places);
    }

    [Fact]
    public void DescriptorsAreUnitLengthNonNegativeAndClipped()
    {
        var features = new SiftExtractor().Extract(Texture(128));
        Assert.True(features.Count > 20, $"only {features.Count} keypoints on the texture");
        Assert.Equal(features.Count * 128, features.Descriptors.Length);
        for (var i = 0; i < features.Count; i++)
        {
            var descriptor = features.Descriptor(i);
            var norm = Math.Sqrt(descriptor.ToArray().Sum(v => (double)v * v));
            Assert.InRange(norm, 0.999, 1.001);
            Assert.All(descriptor.ToArray(), v => Assert.True(v >= 0));
            // Clipping at 0.2 then renormalising by a norm ≥ 0.2 bounds every element by 1, and large ones are rare.
            Assert.True(descriptor.ToArray().Max() < 0.5f, $"descriptor {i} has an unclipped peak {descriptor.ToArray().Max()}");
        }
    }

    [Fact]
    public void DescriptorsSurviveAnExactRotation()
    {
        // Decimating to the next octave keeps even pixels; a 90° rotation keeps that grid only for an odd size without
        // upsampling (x -> 128 - x maps even to even). Otherwise coarse octaves see a shifted grid, as in any SIFT.
        const int Size = 129;
        var image = Texture(Size);
        var options = new SiftOptions { UpsampleInput = false };
        var original = new SiftExtractor(options).Extract(image);
        var rotated = new SiftExtractor(options).Extract(RotateCounterClockwise(image));
        var checkedCount = 0;
        var matched = 0;
        for (var i = 0; i < original.Count; i++)
        {
            var k = original.Keypoints[i];
            // Where the keypoint should be after rotation; angles are clockwise on screen, so they lose 90°.
            float expectedX = k.Y, expectedY = Size - 1 - k.X, expectedAngle = (k.Angle + 270) % 360;
            var partner = Enumerable.Range(0, rotated.Count).FirstOrDefault(j =>
                Math.Abs(rotated.Keypoints[j].X - expectedX) < 1 && Math.Abs(rotated.Keypoints[j].Y - expectedY) < 1
                && AngleDifference(rotated.Keypoints[j].Angle, expectedAngle) < 10, -1);
            if (partner < 0)
            {
                continue;
            }

            checkedCount++;
            var best = Enumerable.Range(0, rotated.Count).MinBy(j => Distance(original.Descriptor(i), rotated.Descriptor(j)));
            var bestKeypoint = rotated.Keypoints[best];
            if (Math.Abs(bestKeypoint.X - expectedX) < 1 && Math.Abs(bestKeypoint.Y - expectedY) < 1)
            {
                matched++;
            }
        }

        Assert.True(checkedCount >= original.Count / 2, $"only {checkedCount} of {original.Count} keypoints reappeared after rotation");
        Assert.True(matched >= checkedCount * 8 / 10, $"{matched} of {checkedCount} rotated descriptors matched their original best");
    }

    [Fact]
    public void ResultsAreDeterministicAndIndependentOfBufferReuse()
    {
        var texture = Texture(96);
        var fresh = new SiftExtractor().Extract(texture);
        var reused = new SiftExtractor();
        reused.Extract(Texture(128));
        reused.Extract(BlobImage());
        var again = reused.Extract(texture);
        Assert.Equal(fresh.Keypoints, again.Keypoints);
        Assert.Equal(fresh.Descriptors, again.Descriptors);
    }

    [Fact]
    public void MaxFeaturesKeepsTheStrongest()
    {
        var texture = Texture(128);
        var all = new SiftExtractor().Extract(texture);
        var limited = new SiftExtractor(new SiftOptions { MaxFeatures = 10 }).Extract(texture);
        Assert.Equal(10, limited.Count);
        Assert.Equal(all.Keypoints.Take(10), limited.Keypoints);
        Assert.Equal(all.Descriptors.AsSpan(0, 1280).ToArray(), limited.Descriptors);
        Assert.True(all.Keypoints.Zip(all.Keypoints.Skip(1)).All(p => p.First.Response >= p.Second.Response));
    }

    [Fact]
    public void WithoutUpsamplingSmallBlobsAreLostButLargeOnesRemain()
    {
        var features = new SiftExtractor(new SiftOptions { UpsampleInput = false }).Extract(BlobImage());
        Assert.Contains(features.Keypoints, k => Math.Abs(k.X - 40) < 0.5 && Math.Abs(k.Y - 85) < 0.5);
        Assert.DoesNotContain(features.Keypoints, k => Math.Abs(k.X - 70) < 1 && Math.Abs(k.Y - 55) < 1);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(20, 12)]
    public void TinyImagesGiveNoKeypointsRatherThanErrors(int width, int height)
    {
        var features = new SiftExtractor().Extract(new GrayImage(width, height, new byte[width * height]));
        Assert.Equal(0, features.Count);
        Assert.Empty(features.Descriptors);
    }

    private static float AngleDifference(float a, float b)
    {
        var difference = Math.Abs(a - b) % 360;
        return Math.Min(difference, 360 - difference);
    }

    private static float Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }

        return sum;
    }
}
