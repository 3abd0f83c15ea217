namespace PlaceDeMarche.Pipeline.Dataset.Archives;

/// <summary>An archive was refused because extracting it could write outside the target or exhaust the disk.</summary>
public sealed class UnsafeArchiveException : Exception
{
    /// <summary>Creates the exception; <paramref name="entryName"/> is null for archive-wide limits.</summary>
    public UnsafeArchiveException(string archivePath, string? entryName, string reason)
        : base(entryName is null
            ? $"Refusing to extract {archivePath}: {reason}."
            : $"Refusing to extract {archivePath}: entry '{entryName}' {reason}.")
    {
        ArchivePath = archivePath;
        EntryName = entryName;
    }

    /// <summary>The refused archive.</summary>
    public string ArchivePath { get; }

    /// <summary>The offending entry as written in the archive, or null for archive-wide limits.</summary>
    public string? EntryName { get; }
}
