using System.Security.Cryptography;
using System.Text;

namespace PlaceDeMarche.Pipeline.Core.Caching;

/// <summary>SHA-256 content hashes of files, folders and text, as lowercase hex.</summary>
public static class ContentHash
{
    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// Hash of a folder: of its files' relative paths and content hashes in ordinal path order, so it changes when
    /// any file is added, removed, renamed or edited. Files are hashed on all cores.
    /// </summary>
    public static string OfDirectory(string directory, out IReadOnlyList<FileRecord> files)
    {
        var paths = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(directory, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var records = new FileRecord[paths.Length];
        Parallel.For(0, paths.Length, i =>
        {
            var full = Path.Combine(directory, paths[i]);
            var info = new FileInfo(full);
            records[i] = new FileRecord(paths[i], OfFile(full), info.Length, info.LastWriteTimeUtc.Ticks);
        });
        files = records;
        return OfText(string.Join('\n', records.Select(r => $"{r.Path}\t{r.Sha256}")));
    }
}
