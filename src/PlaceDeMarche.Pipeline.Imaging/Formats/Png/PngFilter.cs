namespace PlaceDeMarche.Pipeline.Imaging.Formats.Png;

/// <summary>Reverses the PNG scanline filters (None, Sub, Up, Average, Paeth) in place.</summary>
internal static class PngFilter
{
    /// <summary>
    /// Unfilters <paramref name="row"/> given the already unfiltered <paramref name="previous"/> row (empty for the
    /// first row of a pass) and <paramref name="stride"/> bytes per pixel.
    /// </summary>
    public static void Unfilter(int filterType, Span<byte> row, ReadOnlySpan<byte> previous, int stride)
    {
        bool first = previous.IsEmpty;
        switch (filterType)
        {
            case 0:
                break;
            case 1:
                for (int i = stride; i < row.Length; i++)
                {
                    row[i] += row[i - stride];
                }

                break;
            case 2:
                if (!first)
                {
                    for (int i = 0; i < row.Length; i++)
                    {
                        row[i] += previous[i];
                    }
                }

                break;
            case 3:
                for (int i = 0; i < row.Length; i++)
                {
                    int left = i >= stride ? row[i - stride] : 0;
                    int up = first ? 0 : previous[i];
                    row[i] += (byte)((left + up) >> 1);
                }

                break;
            case 4:
                for (int i = 0; i < row.Length; i++)
                {
                    int left = i >= stride ? row[i - stride] : 0;
                    int up = first ? 0 : previous[i];
                    int upLeft = i >= stride && !first ? previous[i - stride] : 0;
                    row[i] += (byte)Paeth(left, up, upLeft);
                }

                break;
            default:
                throw new ImageDecodeException($"invalid PNG filter type {filterType}");
        }
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        int estimate = left + up - upLeft;
        int toLeft = Math.Abs(estimate - left), toUp = Math.Abs(estimate - up), toUpLeft = Math.Abs(estimate - upLeft);
        if (toLeft <= toUp && toLeft <= toUpLeft)
        {
            return left;
        }

        return toUp <= toUpLeft ? up : upLeft;
    }
}
