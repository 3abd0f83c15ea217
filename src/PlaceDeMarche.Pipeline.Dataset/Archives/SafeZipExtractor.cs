using System.Buffers;
using System.IO.Compression;

namespace PlaceDeMarche.Pipeline.Dataset.Archives;

/// <summary>Extracts a zip archive all-or-nothing, refusing entries that could escape the target folder or exhaust
/// the disk, and reporting damaged archives as <see cref="CorruptArchiveException"/>.</summary>
public static class SafeZipExtractor
{
    private const int CopyBufferSize = 128 * 1024;

    // Unix file-type bits stored in the high 16 bits of an entry's external attributes.
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymbolicLink = 0xA000;

    /// <summary>Extracts <paramref name="archivePath"/> into <paramref name="targetDirectory"/>: everything is written
    /// to <c>&lt;target&gt;.tmp-&lt;guid&gt;</c> first, which then replaces the target. On failure the target is left
    /// as it was and the temporary folder is removed.</summary>
    /// <returns>The extracted files in archive order (folders are created but not listed).</returns>
    /// <exception cref="UnsafeArchiveException">An entry escapes the target, is a symbolic link, is duplicated, or a
    /// limit is exceeded; checked for every entry before anything is written.</exception>
    /// <exception cref="CorruptArchiveException">The archive is truncated or damaged.</exception>
    public static IReadOnlyList<ExtractedFile> Extract(
        string archivePath, string targetDirectory, ZipExtractionLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(archivePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetDirectory);
        limits ??= new ZipExtractionLimits();
        limits.Validate();

        archivePath = Path.GetFullPath(archivePath);
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(targetDirectory));
        if (!File.Exists(archivePath))
        {
            throw new FileNotFoundException($"Archive not found: {archivePath}.", archivePath);
        }

        if (File.Exists(target))
        {
            throw new IOException($"Cannot extract {archivePath} into {target}: a file with that name exists.");
        }

        var temporary = $"{target}.tmp-{Guid.NewGuid():N}";
        try
        {
            var files = ExtractInto(archivePath, temporary, limits);
            ReplaceDirectory(temporary, target);
            return files;
        }
        catch
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }

            throw;
        }
    }

    private static List<ExtractedFile> ExtractInto(string archivePath, string temporary, ZipExtractionLimits limits)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(archivePath);
        }
        catch (InvalidDataException ex)
        {
            throw new CorruptArchiveException(archivePath, null, ex.Message, ex);
        }

        using (archive)
        {
            var plan = Plan(archive, archivePath, temporary, limits);
            Directory.CreateDirectory(temporary);
            var files = new List<ExtractedFile>(plan.Count);
            var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
            try
            {
                foreach (var (entry, relativePath, fullPath) in plan)
                {
                    if (relativePath.EndsWith('/'))
                    {
                        Directory.CreateDirectory(fullPath);
                        continue;
                    }

                    Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
                    CopyEntry(archivePath, entry, fullPath, buffer);
                    files.Add(new ExtractedFile(relativePath, entry.Length));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            return files;
        }
    }

    /// <summary>Validates every entry up front so a refused archive writes nothing.</summary>
    private static List<(ZipArchiveEntry Entry, string RelativePath, string FullPath)> Plan(
        ZipArchive archive, string archivePath, string temporary, ZipExtractionLimits limits)
    {
        IReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            entries = archive.Entries;
        }
        catch (InvalidDataException ex)
        {
            throw new CorruptArchiveException(archivePath, null, ex.Message, ex);
        }

        if (entries.Count > limits.MaxEntries)
        {
            throw new UnsafeArchiveException(
                archivePath, null, $"it has {entries.Count} entries, over the limit of {limits.MaxEntries}");
        }

        var root = temporary + Path.DirectorySeparatorChar;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var plan = new List<(ZipArchiveEntry, string, string)>(entries.Count);
        long totalBytes = 0;
        foreach (var entry in entries)
        {
            var relativePath = NormaliseEntryName(archivePath, entry.FullName);
            if (((entry.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymbolicLink)
            {
                throw new UnsafeArchiveException(archivePath, entry.FullName, "is a symbolic link");
            }

            if (!seen.Add(relativePath.TrimEnd('/')))
            {
                throw new UnsafeArchiveException(archivePath, entry.FullName, "appears more than once");
            }

            var fullPath = Path.GetFullPath(Path.Combine(temporary, relativePath));
            if (!fullPath.StartsWith(root, StringComparison.Ordinal))
            {
                throw new UnsafeArchiveException(archivePath, entry.FullName, "resolves outside the target folder");
            }

            totalBytes += entry.Length;
            if (totalBytes > limits.MaxTotalBytes)
            {
                throw new UnsafeArchiveException(
                    archivePath, entry.FullName,
                    $"brings the uncompressed total over the limit of {limits.MaxTotalBytes} bytes");
            }

            if (entry.Length >= limits.CompressionRatioMinimumBytes
                && entry.Length > limits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
            {
                throw new UnsafeArchiveException(
                    archivePath, entry.FullName,
                    $"expands {entry.CompressedLength} compressed bytes to {entry.Length}, over the ratio limit of {limits.MaxCompressionRatio}");
            }

            plan.Add((entry, relativePath, fullPath));
        }

        return plan;
    }

    /// <summary>Turns an entry name into a safe '/'-separated relative path (folders keep a trailing '/').</summary>
    private static string NormaliseEntryName(string archivePath, string name)
    {
        string? problem = name switch
        {
            "" => "has an empty name",
            _ when name.Contains('\\') => "contains a backslash",
            _ when name.Contains('\0') => "contains a NUL character",
            _ when name.Contains(':') => "contains a drive letter or stream separator ':'",
            _ when name.StartsWith('/') => "is an absolute path",
            _ => null,
        };
        if (problem is not null)
        {
            throw new UnsafeArchiveException(archivePath, name, problem);
        }

        var segments = name.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(segment => segment != ".")
            .ToArray();
        if (segments.Contains(".."))
        {
            throw new UnsafeArchiveException(archivePath, name, "contains a '..' segment");
        }

        if (segments.Length == 0)
        {
            throw new UnsafeArchiveException(archivePath, name, "names no file");
        }

        var relativePath = string.Join('/', segments);
        return name.EndsWith('/') ? relativePath + "/" : relativePath;
    }

    private static void CopyEntry(string archivePath, ZipArchiveEntry entry, string fullPath, byte[] buffer)
    {
        long written = 0;
        var crc = Crc32.Initial;
        try
        {
            using var input = entry.Open();
            using var output = new FileStream(fullPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                written += read;
                if (written > entry.Length)
                {
                    throw new CorruptArchiveException(
                        archivePath, entry.FullName, $"it expands beyond its declared {entry.Length} bytes");
                }

                crc = Crc32.Append(crc, buffer.AsSpan(0, read));
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new CorruptArchiveException(archivePath, entry.FullName, ex.Message, ex);
        }

        if (written != entry.Length)
        {
            throw new CorruptArchiveException(
                archivePath, entry.FullName, $"it holds {written} of its declared {entry.Length} bytes");
        }

        if (crc != entry.Crc32)
        {
            throw new CorruptArchiveException(
                archivePath, entry.FullName, $"CRC-32 is {crc:x8} but the archive declares {entry.Crc32:x8}");
        }
    }

    /// <summary>Moves <paramref name="source"/> to <paramref name="target"/>, replacing an existing folder only
    /// once the new one is in place, and restoring it if the swap fails.</summary>
    private static void ReplaceDirectory(string source, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(source, target);
            return;
        }

        var previous = $"{target}.old-{Guid.NewGuid():N}";
        Directory.Move(target, previous);
        try
        {
            Directory.Move(source, target);
        }
        catch
        {
            Directory.Move(previous, target);
            throw;
        }

        Directory.Delete(previous, recursive: true);
    }
}
