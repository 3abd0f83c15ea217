namespace PlaceDeMarche.Pipeline.Imaging.Processing;

/// <summary>Maps out-of-range coordinates back into [0, length) for filters.</summary>
internal static class BorderIndex
{
    /// <summary>Mirror without repeating the edge sample (gfedcb|abcdefgh|gfedcba), OpenCV's default border.</summary>
    public static int Reflect101(int index, int length)
    {
        if (length == 1)
        {
            return 0;
        }

        // Loop because a kernel wider than the image can reflect more than once.
        while ((uint)index >= (uint)length)
        {
            index = index < 0 ? -index : 2 * length - 2 - index;
        }

        return index;
    }
}
