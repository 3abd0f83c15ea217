namespace PlaceDeMarche.Pipeline.Dataset.Archives;

/// <summary>An archive is truncated or damaged (unreadable structure, bad compressed data, size or CRC mismatch).</summary>
public sealed class CorruptArchiveException : Exception
{
    /// <summary>Creates the exception; <paramref name="entryName"/> is null when the archive structure itself is bad.</summary>
    public CorruptArchiveException(string archivePath, string? entryName, string detail, Exception? innerException = null)
        : base($"The archive {archivePath} is corrupt or truncated"
               + (entryName is null ? "" : $" at entry '{entryName}'")
               + $" ({detail.ReplaceLineEndings(" ").TrimEnd('.', ' ')}). Download it again or point at an intact copy.",
            innerException)
    {
        ArchivePath = archivePath;
        EntryName = entryName;
    }

    /// <summary>The damaged archive.</summary>
    public string ArchivePath { get; }

    /// <summary>The damaged entry, or null when the archive structure itself is bad.</summary>
    public string? EntryName { get; }
}
