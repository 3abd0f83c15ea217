using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Tests.Fakes;

namespace PlaceDeMarche.Pipeline.Core.Tests.Artifacts;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TemporaryWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void AnInterruptedWriteKeepsTheOldContentAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(workspace.Root, "out", "file.bin");
        AtomicFile.WriteAllText(path, "old");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("partial"u8);
            throw new IOException("disk full");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void AFailedFolderReplacementKeepsTheOldFolder()
    {
        var folder = Path.Combine(workspace.Root, "extracted");
        AtomicFile.ReplaceDirectory(folder, temp => File.WriteAllText(Path.Combine(temp, "a.txt"), "a"));

        Assert.Throws<InvalidDataException>(() => AtomicFile.ReplaceDirectory(folder, temp =>
        {
            File.WriteAllText(Path.Combine(temp, "b.txt"), "b");
            throw new InvalidDataException("corrupt archive");
        }));

        Assert.Equal(["a.txt"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Single(Directory.GetDirectories(workspace.Root));
    }

    [Fact]
    public void ASuccessfulFolderReplacementSwapsTheContent()
    {
        var folder = Path.Combine(workspace.Root, "extracted");
        AtomicFile.ReplaceDirectory(folder, temp => File.WriteAllText(Path.Combine(temp, "a.txt"), "a"));

        AtomicFile.ReplaceDirectory(folder, temp => File.WriteAllText(Path.Combine(temp, "b.txt"), "b"));

        Assert.Equal(["b.txt"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Single(Directory.GetDirectories(workspace.Root));
    }

    [Fact]
    public void AWriteInProgressIsRecognisableAsTemporarySoThatScannersSkipIt()
    {
        var path = Path.Combine(workspace.Root, "out", "manifest.json");
        string[] during = [];
        AtomicFile.Write(path, stream =>
        {
            stream.Write("{}"u8);
            during = Directory.GetFiles(Path.GetDirectoryName(path)!);
        });

        var inProgress = Assert.Single(during);
        Assert.True(AtomicFile.IsTemporary(inProgress));
        Assert.False(AtomicFile.IsTemporary(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }
}
