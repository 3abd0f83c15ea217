namespace PlaceDeMarche.Pipeline.Imaging.Tests;

/// <summary>Cuts a JPEG into its marker segments (a scan keeps its entropy-coded data) to build damaged variants.</summary>
internal static class JpegSegments
{
    /// <summary>One segment: marker byte, offset of its FF, and its bytes from the FF up to the next marker.</summary>
    public sealed record Segment(byte Marker, int Offset, byte[] Bytes);

    /// <summary>The segments after SOI, in file order (the last one is EOI).</summary>
    public static List<Segment> Split(byte[] data)
    {
        var segments = new List<Segment>();
        int position = 2;
        while (position + 1 < data.Length)
        {
            byte marker = data[position + 1];
            int end = marker == 0xD9 ? position + 2 : position + 2 + ((data[position + 2] << 8) | data[position + 3]);
            if (marker == 0xDA)
            {
                // Entropy-coded data runs to the next marker that is neither stuffing (FF 00) nor a restart (FF D0-D7).
                while (end + 1 < data.Length && !(data[end] == 0xFF && data[end + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7)))
                {
                    end++;
                }
            }

            segments.Add(new Segment(marker, position, data[position..end]));
            position = end;
        }

        return segments;
    }

    /// <summary>SOI, then <paramref name="segments"/> with <paramref name="replaced"/> swapped for <paramref name="replacement"/>.</summary>
    public static byte[] Join(byte[] original, IReadOnlyList<Segment> segments, Segment replaced, IEnumerable<Segment> replacement)
    {
        var output = new List<byte>(original.Length);
        output.AddRange(original.AsSpan(0, 2).ToArray());
        foreach (var segment in segments)
        {
            foreach (var part in segment == replaced ? replacement : [segment])
            {
                output.AddRange(part.Bytes);
            }
        }

        return [.. output];
    }
}
