using System.Text;

namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>
/// Writes files and folders so that a reader sees either the old content or the complete new content, never a
/// partial one: content goes to a temporary sibling first and is renamed into place only when complete.
/// An interrupted run therefore never leaves a cache that looks valid.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> writeContent)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = TemporarySibling(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                writeContent(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Write(path, stream => stream.Write(copy));
    }

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));

    /// <summary>
    /// Builds a folder through <paramref name="populate"/> in a temporary sibling, then swaps it in place of
    /// <paramref name="path"/>; the previous folder is removed only after the new one is complete.
    /// </summary>
    public static void ReplaceDirectory(string path, Action<string> populate)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = TemporarySibling(full);
        var retired = TemporarySibling(full) + ".old";
        try
        {
            Directory.CreateDirectory(temporary);
            populate(temporary);
            if (Directory.Exists(full))
            {
                Directory.Move(full, retired);
            }

            Directory.Move(temporary, full);
        }
        catch
        {
            TryDeleteDirectory(temporary);
            if (!Directory.Exists(full) && Directory.Exists(retired))
            {
                Directory.Move(retired, full);
            }

            throw;
        }

        TryDeleteDirectory(retired);
    }

    private static string TemporarySibling(string path) => $"{path}.{Guid.NewGuid():N}.tmp";

    /// <summary>True for the temporary file of a write in progress (or its retired copy): a reader listing a folder
    /// must skip it, since it is held exclusively and renamed away when the write completes.</summary>
    public static bool IsTemporary(string path) =>
        path.EndsWith(".tmp", StringComparison.Ordinal) || path.EndsWith(".tmp.old", StringComparison.Ordinal);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the temporary name can never be mistaken for an artifact.
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort, as above.
        }
    }
}
