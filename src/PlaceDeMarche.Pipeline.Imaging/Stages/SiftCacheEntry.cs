using System.Runtime.InteropServices;
using PlaceDeMarche.Pipeline.Imaging.Features.Sift;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>
/// Byte form of one image's SIFT result in the per-image cache: int32 keypoint count, then the keypoints
/// (5 floats each: x, y, scale, angle, response), then the descriptors (128 floats each), in machine byte order.
/// </summary>
internal static class SiftCacheEntry
{
    private const int KeypointFloats = 5;

    public static byte[] Encode(SiftFeatures features)
    {
        var keypointBytes = features.Count * KeypointFloats * sizeof(float);
        var bytes = new byte[sizeof(int) + keypointBytes + features.Descriptors.Length * sizeof(float)];
        MemoryMarshal.Write(bytes, features.Count);
        MemoryMarshal.AsBytes(MemoryMarshal.Cast<SiftKeypoint, float>(features.Keypoints.ToArray().AsSpan())).CopyTo(bytes.AsSpan(sizeof(int)));
        MemoryMarshal.AsBytes(features.Descriptors.AsSpan()).CopyTo(bytes.AsSpan(sizeof(int) + keypointBytes));
        return bytes;
    }

    /// <exception cref="InvalidDataException">The entry is damaged; <paramref name="source"/> names it.</exception>
    public static SiftFeatures Decode(byte[] bytes, string source)
    {
        var count = bytes.Length >= sizeof(int) ? MemoryMarshal.Read<int>(bytes) : -1;
        var keypointBytes = (long)count * KeypointFloats * sizeof(float);
        if (count < 0 || sizeof(int) + keypointBytes + (long)count * SiftFeatures.DescriptorLength * sizeof(float) != bytes.Length)
        {
            throw new InvalidDataException($"{source}: SIFT cache entry of {bytes.Length} bytes is damaged; delete it and rerun ImageSift.");
        }

        var keypoints = MemoryMarshal.Cast<byte, SiftKeypoint>(bytes.AsSpan(sizeof(int), (int)keypointBytes)).ToArray();
        var descriptors = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(sizeof(int) + (int)keypointBytes)).ToArray();
        return new SiftFeatures(keypoints, descriptors);
    }
}
