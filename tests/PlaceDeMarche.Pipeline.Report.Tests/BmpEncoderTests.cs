using System.Buffers.Binary;
using PlaceDeMarche.Pipeline.Report.Rendering.Images;

namespace PlaceDeMarche.Pipeline.Report.Tests;

public sealed class BmpEncoderTests
{
    [Fact]
    public void Two_by_two_image_is_stored_bottom_up_in_bgr_with_padded_rows()
    {
        byte[] rgb = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]; // top row (1,2,3) (4,5,6); bottom row (7,8,9) (10,11,12)
        var bmp = BmpEncoder.Encode(rgb, 2, 2);

        // 54 header bytes + 2 rows of 6 pixel bytes padded to 8.
        Assert.Equal(70, bmp.Length);
        Assert.Equal("BM"u8.ToArray(), bmp[..2]);
        Assert.Equal(70, BinaryPrimitives.ReadInt32LittleEndian(bmp.AsSpan(2)));
        Assert.Equal(54, BinaryPrimitives.ReadInt32LittleEndian(bmp.AsSpan(10)));
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(bmp.AsSpan(18)));
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(bmp.AsSpan(22)));
        Assert.Equal(24, BinaryPrimitives.ReadInt16LittleEndian(bmp.AsSpan(28)));
        Assert.Equal(new byte[] { 9, 8, 7, 12, 11, 10, 0, 0, 3, 2, 1, 6, 5, 4, 0, 0 }, bmp[54..]);
    }
}
