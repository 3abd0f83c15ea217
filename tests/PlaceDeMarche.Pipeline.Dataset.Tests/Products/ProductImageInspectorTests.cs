using PlaceDeMarche.Pipeline.Dataset.Products;

namespace PlaceDeMarche.Pipeline.Dataset.Tests.Products;

public sealed class ProductImageInspectorTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F' }, ImageStatus.Ok)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }, ImageStatus.Ok)]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1, 0 }, ImageStatus.Ok)]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 4, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P' }, ImageStatus.Ok)]
    [InlineData(new byte[] { (byte)'B', (byte)'M', 0x36, 0, 0, 0 }, ImageStatus.Ok)]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 4, 0, 0, 0, (byte)'W', (byte)'A', (byte)'V', (byte)'E' }, ImageStatus.NotAnImage)]
    [InlineData(new byte[] { 0xFF, 0xD8 }, ImageStatus.NotAnImage)]
    [InlineData(new byte[] { (byte)'<', (byte)'h', (byte)'t', (byte)'m', (byte)'l', (byte)'>' }, ImageStatus.NotAnImage)]
    [InlineData(new byte[0], ImageStatus.Empty)]
    public void Classifies_files_by_their_first_bytes(byte[] content, ImageStatus expected)
    {
        var path = _directory.Combine("image.bin");
        File.WriteAllBytes(path, content);

        Assert.Equal(expected, ProductImageInspector.Inspect(path));
    }

    [Fact]
    public void A_missing_file_is_missing_and_a_folder_is_unreadable()
    {
        Directory.CreateDirectory(_directory.Combine("folder.jpg"));

        Assert.Equal(ImageStatus.Missing, ProductImageInspector.Inspect(_directory.Combine("absent.jpg")));
        Assert.Equal(ImageStatus.Missing, ProductImageInspector.Inspect(_directory.Combine("no-folder", "absent.jpg")));
        Assert.Equal(ImageStatus.Unreadable, ProductImageInspector.Inspect(_directory.Combine("folder.jpg")));
    }
}
