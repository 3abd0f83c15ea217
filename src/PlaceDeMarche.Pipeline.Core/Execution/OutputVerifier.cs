using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Caching;

namespace PlaceDeMarche.Pipeline.Core.Execution;

/// <summary>
/// Records outputs after a stage ran, and checks later that they are still what the manifest says. The check is
/// cheap (size and modification time); only a file whose time changed is hashed again, so a mere touch does not
/// force a rerun but any edit does.
/// </summary>
public sealed class OutputVerifier
{
    private readonly Workspace workspace;

    public OutputVerifier(Workspace workspace)
    {
        this.workspace = workspace;
    }

    public OutputRecord Record(string artifactPath)
    {
        var full = workspace.Resolve(artifactPath);
        if (IsDirectory(artifactPath))
        {
            if (!Directory.Exists(full))
            {
                throw new InvalidOperationException($"The stage finished without writing its output folder '{artifactPath}'.");
            }

            var hash = ContentHash.OfDirectory(full, out var files);
            return new OutputRecord(artifactPath, hash, files.Sum(f => f.Size), 0, files);
        }

        if (!File.Exists(full))
        {
            throw new InvalidOperationException($"The stage finished without writing its output '{artifactPath}'.");
        }

        var info = new FileInfo(full);
        return new OutputRecord(artifactPath, ContentHash.OfFile(full), info.Length, info.LastWriteTimeUtc.Ticks, null);
    }

    /// <summary>Returns null when intact, else a short reason such as "reports/x.pdf is missing".</summary>
    public string? FindDamage(OutputRecord record)
    {
        var full = workspace.Resolve(record.Path);
        if (record.Files is null)
        {
            return FileDamage(record.Path, full, record.Sha256, record.Size, record.LastWriteUtcTicks);
        }

        if (!Directory.Exists(full))
        {
            return $"{record.Path} is missing";
        }

        var present = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Count();
        if (present != record.Files.Count)
        {
            return $"{record.Path} holds {present} files instead of {record.Files.Count}";
        }

        foreach (var file in record.Files)
        {
            var damage = FileDamage(record.Path + file.Path, Path.Combine(full, file.Path), file.Sha256, file.Size, file.LastWriteUtcTicks);
            if (damage is not null)
            {
                return damage;
            }
        }

        return null;
    }

    public static bool IsDirectory(string artifactPath) => artifactPath.EndsWith('/');

    private static string? FileDamage(string name, string full, string sha256, long size, long lastWriteTicks)
    {
        var info = new FileInfo(full);
        if (!info.Exists)
        {
            return $"{name} is missing";
        }

        if (info.Length != size)
        {
            return $"{name} changed size";
        }

        if (info.LastWriteTimeUtc.Ticks != lastWriteTicks && ContentHash.OfFile(full) != sha256)
        {
            return $"{name} was modified";
        }

        return null;
    }
}
