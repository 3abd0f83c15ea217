using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Stages;

public sealed class ImagePreprocessorTests
{
    /// <summary>
    /// baseline_420.jpg (40 x 32) with size 16, pad, no equalisation, computed by OpenCV 4.6:
    /// cv2.imread(path, IMREAD_REDUCED_COLOR_2) (libjpeg 1/2 DCT scaling, 20 x 16), cv2.resize to 16 x 13 with
    /// INTER_AREA, pasted at row 1 of a white 16 x 16 square, cv2.cvtColor(BGR2GRAY); rows 1 to 13 shown here.
    /// </summary>
    private static readonly byte[] OpenCvRows1To13 =
    [
        97, 99, 147, 65, 43, 48, 55, 60, 139, 88, 118, 124, 107, 135, 89, 94,
        94, 90, 137, 66, 46, 57, 66, 68, 138, 79, 99, 112, 109, 142, 87, 85,
        91, 68, 85, 50, 43, 63, 75, 70, 89, 60, 67, 92, 104, 123, 77, 69,
        71, 70, 90, 74, 69, 80, 89, 93, 116, 97, 100, 109, 121, 137, 122, 124,
        76, 82, 133, 106, 90, 93, 96, 101, 163, 114, 122, 127, 144, 172, 146, 149,
        86, 92, 136, 115, 109, 106, 101, 101, 158, 119, 132, 137, 152, 175, 155, 161,
        92, 71, 71, 65, 73, 102, 113, 91, 76, 69, 76, 106, 151, 126, 98, 91,
        106, 94, 115, 93, 91, 108, 129, 123, 135, 108, 113, 131, 162, 126, 82, 81,
        118, 125, 165, 129, 121, 117, 136, 160, 192, 159, 163, 170, 175, 145, 106, 113,
        120, 124, 156, 132, 129, 130, 149, 170, 198, 169, 160, 165, 165, 158, 130, 137,
        92, 87, 102, 122, 134, 160, 174, 166, 167, 130, 96, 110, 117, 198, 174, 170,
        91, 70, 109, 102, 105, 155, 187, 156, 157, 92, 68, 92, 120, 203, 139, 122,
        95, 94, 141, 169, 173, 187, 196, 194, 215, 159, 109, 117, 122, 228, 215, 217,
    ];

    [Fact]
    public void PaddedGrayImageMatchesOpenCv()
    {
        var preprocessor = new ImagePreprocessor(StudyConfiguration.Bind<ImagePreprocessParameters>("images.preprocess", p => { p.Size = 16; p.ThumbnailSize = 8; p.Equalization = "none"; }));

        var image = preprocessor.Process(Fixture.Bytes("baseline_420.jpg"), "baseline_420.jpg");

        Assert.Equal((16, 16), (image.GrayWidth, image.GrayHeight));
        Assert.All(image.Gray[..16], v => Assert.Equal(255, v));
        Assert.All(image.Gray[(14 * 16)..], v => Assert.Equal(255, v));
        var ours = image.Gray[16..(14 * 16)];
        // Scaled IDCT and rounding differ slightly between decoders; the layout and levels must agree.
        Assert.All(ours.Zip(OpenCvRows1To13), p => Assert.InRange(Math.Abs(p.First - p.Second), 0, 4));
        Assert.Equal((8, 8, 8 * 8 * 3), (image.ThumbnailWidth, image.ThumbnailHeight, image.ThumbnailRgb.Length));
    }

    [Fact]
    public void CropFillsTheSquareWithThePhoto()
    {
        var preprocessor = new ImagePreprocessor(StudyConfiguration.Bind<ImagePreprocessParameters>("images.preprocess", p => { p.Size = 16; p.ThumbnailSize = 8; p.Square = "crop"; p.Equalization = "none"; }));

        var image = preprocessor.Process(Fixture.Bytes("baseline_420.jpg"), "baseline_420.jpg");

        Assert.Equal((16, 16), (image.GrayWidth, image.GrayHeight));
        Assert.Contains(image.Gray[..16], v => v != 255);
    }

    [Fact]
    public void EqualisationStretchesTheLevelsToTheFullRange()
    {
        var preprocessor = new ImagePreprocessor(StudyConfiguration.Bind<ImagePreprocessParameters>("images.preprocess", p => { p.Size = 16; p.ThumbnailSize = 8; p.Square = "crop"; p.Equalization = "global"; }));

        var image = preprocessor.Process(Fixture.Bytes("baseline_420.jpg"), "baseline_420.jpg");

        Assert.Equal(0, image.Gray.Min());
        Assert.Equal(255, image.Gray.Max());
    }

    [Theory]
    [InlineData("square", "circle")]
    [InlineData("equalization", "sharpen")]
    public void RejectsUnknownSettings(string setting, string value)
    {
        var parameters = StudyConfiguration.Bind<ImagePreprocessParameters>("images.preprocess");
        if (setting == "square")
        {
            parameters.Square = value;
        }
        else
        {
            parameters.Equalization = value;
        }

        var error = Assert.Throws<ArgumentException>(() => new ImagePreprocessor(parameters));
        Assert.Contains(setting, error.Message);
        Assert.Contains(value, error.Message);
    }
}
