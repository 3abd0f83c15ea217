using System.IO.Compression;
using System.Text;
using PlaceDeMarche.Pipeline.Dataset.Archives;

namespace PlaceDeMarche.Pipeline.Dataset.Tests.Archives;

public sealed class SafeZipExtractorTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Archive => _directory.Combine("input", "archive.zip");

    private string Target => _directory.Combine("work", "extracted");

    [Fact]
    public void Extracts_files_and_folders_and_lists_the_files()
    {
        var csv = Encoding.UTF8.GetBytes("uniq_id,image\r\na,a.jpg\r\n");
        var image = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();
        WriteZip(
            ("Flipkart/", null),
            ("Flipkart/data.csv", csv),
            ("Flipkart/Images/a.jpg", image),
            ("Flipkart/./Empty/", null));

        var files = SafeZipExtractor.Extract(Archive, Target);

        Assert.Equal(
            [new ExtractedFile("Flipkart/data.csv", csv.Length), new ExtractedFile("Flipkart/Images/a.jpg", image.Length)],
            files);
        Assert.Equal(csv, File.ReadAllBytes(Path.Combine(Target, "Flipkart", "data.csv")));
        Assert.Equal(image, File.ReadAllBytes(Path.Combine(Target, "Flipkart", "Images", "a.jpg")));
        Assert.True(Directory.Exists(Path.Combine(Target, "Flipkart", "Empty")));
        Assert.Equal(["extracted"], Directory.GetFileSystemEntries(_directory.Combine("work")).Select(Path.GetFileName));
    }

    [Fact]
    public void Replaces_an_existing_target_only_after_success()
    {
        Directory.CreateDirectory(Target);
        File.WriteAllText(Path.Combine(Target, "stale.txt"), "old run");
        WriteZip(("fresh.txt", "new run"u8.ToArray()));

        SafeZipExtractor.Extract(Archive, Target);

        Assert.Equal(["fresh.txt"], Directory.GetFileSystemEntries(Target).Select(Path.GetFileName));
        Assert.Equal(["extracted"], Directory.GetFileSystemEntries(_directory.Combine("work")).Select(Path.GetFileName));
    }

    [Fact]
    public void Refuses_a_parent_traversal_entry_and_writes_nothing()
    {
        WriteZip(("good.txt", "fine"u8.ToArray()), ("../../escape.txt", "gotcha"u8.ToArray()));

        var error = Assert.Throws<UnsafeArchiveException>(() => SafeZipExtractor.Extract(Archive, Target));

        Assert.Equal("../../escape.txt", error.EntryName);
        Assert.Equal(Archive, error.ArchivePath);
        Assert.Contains("'../../escape.txt'", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        AssertOnlyTheArchiveRemains();
    }

    [Fact]
    public void Refuses_an_absolute_entry_path()
    {
        var outside = _directory.Combine("absolute.txt");
        WriteZip((outside, "gotcha"u8.ToArray()));

        var error = Assert.Throws<UnsafeArchiveException>(() => SafeZipExtractor.Extract(Archive, Target));

        Assert.Equal(outside, error.EntryName);
        Assert.Contains("absolute", error.Message);
        AssertOnlyTheArchiveRemains();
    }

    [Theory]
    [InlineData(@"..\evil.txt", "backslash")]
    [InlineData(@"dir\file.txt", "backslash")]
    [InlineData("C:/Windows/evil.txt", "drive letter")]
    [InlineData("a/../../evil.txt", "'..'")]
    [InlineData("./", "names no file")]
    public void Refuses_entry_names_that_could_leave_the_target(string name, string reason)
    {
        WriteZip((name, "x"u8.ToArray()));

        var error = Assert.Throws<UnsafeArchiveException>(() => SafeZipExtractor.Extract(Archive, Target));

        Assert.Equal(name, error.EntryName);
        Assert.Contains(reason, error.Message);
        Assert.False(Directory.Exists(Target));
    }

    [Fact]
    public void Refuses_symbolic_links()
    {
        WriteZip(("link", "/etc/passwd"u8.ToArray()));
        using (var archive = ZipFile.Open(Archive, ZipArchiveMode.Update))
        {
            // Unix mode 0120777 (symbolic link) in the high 16 bits, as Info-ZIP stores it.
            archive.GetEntry("link")!.ExternalAttributes = unchecked((int)(0xA1FFu << 16));
        }

        var error = Assert.Throws<UnsafeArchiveException>(() => SafeZipExtractor.Extract(Archive, Target));

        Assert.Contains("symbolic link", error.Message);
        Assert.False(Directory.Exists(Target));
    }

    [Fact]
    public void Refuses_duplicate_entries()
    {
        WriteZip(("a.txt", "1"u8.ToArray()), ("A.txt", "2"u8.ToArray()));

        var error = Assert.Throws<UnsafeArchiveException>(() => SafeZipExtractor.Extract(Archive, Target));

        Assert.Equal("A.txt", error.EntryName);
    }

    [Fact]
    public void A_refused_archive_keeps_the_existing_target()
    {
        Directory.CreateDirectory(Target);
        File.WriteAllText(Path.Combine(Target, "keep.txt"), "previous extraction");
        WriteZip(("../escape.txt", "x"u8.ToArray()));

        Assert.Throws<UnsafeArchiveException>(() => SafeZipExtractor.Extract(Archive, Target));

        Assert.Equal("previous extraction", File.ReadAllText(Path.Combine(Target, "keep.txt")));
        Assert.Equal(["extracted"], Directory.GetFileSystemEntries(_directory.Combine("work")).Select(Path.GetFileName));
    }

    [Fact]
    public void Refuses_archives_over_the_total_size_limit()
    {
        WriteZip(("one.bin", new byte[600]), ("two.bin", new byte[600]));

        var error = Assert.Throws<UnsafeArchiveException>(
            () => SafeZipExtractor.Extract(Archive, Target, new ZipExtractionLimits { MaxTotalBytes = 1000 }));

        Assert.Equal("two.bin", error.EntryName);
        Assert.Contains("limit of 1000 bytes", error.Message);
        Assert.False(Directory.Exists(Target));
    }

    [Fact]
    public void Refuses_archives_with_too_many_entries()
    {
        WriteZip(("1", [1]), ("2", [2]), ("3", [3]));

        var error = Assert.Throws<UnsafeArchiveException>(
            () => SafeZipExtractor.Extract(Archive, Target, new ZipExtractionLimits { MaxEntries = 2 }));

        Assert.Null(error.EntryName);
        Assert.Contains("3 entries, over the limit of 2", error.Message);
    }

    [Fact]
    public void Refuses_a_compression_bomb_entry()
    {
        // 4 MiB of zeros deflate to a few KiB: a ratio near 1000, far over the default limit of 100.
        WriteZip(("zeros.bin", new byte[4 << 20]));

        var error = Assert.Throws<UnsafeArchiveException>(() => SafeZipExtractor.Extract(Archive, Target));

        Assert.Equal("zeros.bin", error.EntryName);
        Assert.Contains("ratio limit", error.Message);
    }

    [Fact]
    public void Small_very_compressible_entries_are_not_bombs()
    {
        WriteZip(("spaces.txt", Enumerable.Repeat((byte)' ', 100_000).ToArray()));

        var files = SafeZipExtractor.Extract(Archive, Target);

        Assert.Equal(100_000, Assert.Single(files).Size);
    }

    [Fact]
    public void Reports_a_truncated_archive_as_corrupt()
    {
        WriteZip(("a.bin", Enumerable.Range(0, 20_000).Select(i => (byte)i).ToArray()), ("b.txt", "hello"u8.ToArray()));
        var bytes = File.ReadAllBytes(Archive);
        File.WriteAllBytes(Archive, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<CorruptArchiveException>(() => SafeZipExtractor.Extract(Archive, Target));

        Assert.Equal(Archive, error.ArchivePath);
        Assert.Contains(Archive, error.Message);
        Assert.IsType<InvalidDataException>(error.InnerException);
        AssertOnlyTheArchiveRemains();
    }

    [Fact]
    public void Reports_damaged_stored_data_through_the_crc_check()
    {
        var content = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("product photo bytes ", 50)));
        WriteZip(CompressionLevel.NoCompression, ("photo.jpg", content));
        var bytes = File.ReadAllBytes(Archive);
        var offset = bytes.AsSpan().IndexOf(content);
        Assert.True(offset > 0);
        bytes[offset + 100] ^= 0xFF;
        File.WriteAllBytes(Archive, bytes);

        var error = Assert.Throws<CorruptArchiveException>(() => SafeZipExtractor.Extract(Archive, Target));

        Assert.Equal("photo.jpg", error.EntryName);
        Assert.Contains("CRC-32", error.Message);
        AssertOnlyTheArchiveRemains();
    }

    [Fact]
    public void A_missing_archive_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => SafeZipExtractor.Extract(Archive, Target));

        Assert.Contains(Archive, error.Message);
    }

    /// <summary>No target, no temporary folder, nothing escaped: at most the (empty) parent of the target.</summary>
    private void AssertOnlyTheArchiveRemains() =>
        Assert.Equal(["input", "input/archive.zip"], _directory.ListAll().Where(entry => entry != "work"));

    private void WriteZip(params (string Name, byte[]? Content)[] entries) =>
        WriteZip(CompressionLevel.Optimal, entries);

    /// <summary>Writes entry names verbatim (ZipArchive does not sanitise them); a null content makes a folder entry.</summary>
    private void WriteZip(CompressionLevel level, params (string Name, byte[]? Content)[] entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Archive)!);
        using var archive = ZipFile.Open(Archive, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            var entry = archive.CreateEntry(name, level);
            if (content is not null)
            {
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
    }
}
