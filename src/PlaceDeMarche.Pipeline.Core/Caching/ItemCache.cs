using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace PlaceDeMarche.Pipeline.Core.Caching;

/// <summary>
/// A content-addressed store of per-item results (one file per key) that lets a stage redo only the items whose
/// inputs changed, e.g. the photos of newly added products. Entries are written atomically, so a crash never leaves
/// a truncated entry under a valid key; safe to use from parallel loops. Counts what it computed and reused.
/// </summary>
public sealed class ItemCache
{
    private int computed;
    private int reused;

    public ItemCache(string directory)
    {
        Directory = Path.GetFullPath(directory);
    }

    public string Directory { get; }

    /// <summary>Entries computed (and stored) since this instance was created.</summary>
    public int Computed => computed;

    /// <summary>Entries read back instead of computed.</summary>
    public int Reused => reused;

    /// <summary>A key from everything an entry depends on (e.g. source hash, parameter JSON, code version).</summary>
    public static string Key(params ReadOnlySpan<string> parts)
    {
        var material = new StringBuilder();
        foreach (var part in parts)
        {
            // Length prefixes keep ("ab", "c") and ("a", "bc") apart.
            material.Append(part.Length).Append(':').Append(part).Append('\n');
        }

        return ContentHash.OfText(material.ToString());
    }

    /// <summary>Where the entry of <paramref name="key"/> lives (two-character fan-out keeps folders small).</summary>
    public string PathOf(string key) => Path.Combine(Directory, key[..2], key + ".bin");

    /// <summary>The stored entry of <paramref name="key"/>, or the result of <paramref name="compute"/>, stored for next time.</summary>
    public byte[] GetOrCreate(string key, Func<byte[]> compute)
    {
        if (TryGet(key, out var stored))
        {
            return stored;
        }

        var created = compute();
        Store(key, created);
        return created;
    }

    /// <summary>The stored entry of <paramref name="key"/>, if any (for stages that compute missing entries in batches).</summary>
    public bool TryGet(string key, [NotNullWhen(true)] out byte[]? entry)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            entry = null;
            return false;
        }

        entry = File.ReadAllBytes(path);
        Interlocked.Increment(ref reused);
        return true;
    }

    /// <summary>Stores a computed entry under <paramref name="key"/>.</summary>
    public void Store(string key, byte[] entry)
    {
        Artifacts.AtomicFile.WriteAllBytes(PathOf(key), entry);
        Interlocked.Increment(ref computed);
    }
}
