using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PlaceDeMarche.Pipeline.Core.Stages;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> of the per-item stages (<c>run --shard i/n</c>). An item belongs to
/// the shard of its id's SHA-256 modulo the count: the assignment depends on the id alone, so adding products moves
/// no existing product to another shard, and any machine or language computes the same one.
/// </summary>
public sealed record Shard
{
    private const string PartitionFolder = "data/artifacts/shards/";
    private const string ArtifactsFolder = "data/artifacts/";

    public Shard(int index, int count)
    {
        if (count < 1 || index < 0 || index >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"A shard is i/n with n at least 1 and 0 <= i < n, not {index}/{count}.");
        }

        Index = index;
        Count = count;
    }

    public int Index { get; }

    public int Count { get; }

    /// <summary>"i/n", as written on the command line.</summary>
    public string Label => $"{Index}/{Count}";

    /// <summary>
    /// Parses "i/n" (decimal digits only). On failure, <paramref name="error"/> is one line saying what is wrong and
    /// what is expected.
    /// </summary>
    public static bool TryParse(string text, out Shard? shard, out string error)
    {
        shard = null;
        var parts = text.Split('/');
        if (parts.Length != 2 || !IsNumber(parts[0], out var index) || !IsNumber(parts[1], out var count))
        {
            error = $"--shard takes i/n (shard i of n, e.g. 0/2), not '{text}'.";
            return false;
        }

        if (count < 1)
        {
            error = $"--shard {text}: the number of shards must be at least 1.";
            return false;
        }

        if (index >= count)
        {
            error = $"--shard {text}: shards are numbered 0 to {count - 1}.";
            return false;
        }

        shard = new Shard(index, count);
        error = "";
        return true;
    }

    /// <summary>Whether the item of id <paramref name="itemId"/> (a product id) belongs to this shard.</summary>
    public bool Contains(string itemId) => Of(itemId, Count) == Index;

    /// <summary>The shard of <paramref name="itemId"/> among <paramref name="count"/>: the first 8 bytes of its UTF-8 SHA-256, big-endian, modulo the count.</summary>
    public static int Of(string itemId, int count)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(itemId), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    /// <summary>
    /// Where this shard writes its part of the artifact <paramref name="artifactPath"/>: <c>data/artifacts/x/y.parquet</c>
    /// becomes <c>data/artifacts/shards/x/y/part-i-of-n.parquet</c>, beside the parts of the other shards and away
    /// from the unsharded artifact, so Parquet readers can take the folder (or a glob) as one table.
    /// </summary>
    public string PartPath(string artifactPath)
    {
        if (!artifactPath.StartsWith(ArtifactsFolder, StringComparison.Ordinal) || artifactPath.EndsWith('/'))
        {
            throw new ArgumentException($"Only artifact files under {ArtifactsFolder} have shard parts, not '{artifactPath}'.", nameof(artifactPath));
        }

        var relative = artifactPath[ArtifactsFolder.Length..];
        var extension = Path.GetExtension(relative);
        return $"{PartitionFolder}{relative[..^extension.Length]}/part-{Index}-of-{Count}{extension}";
    }

    private static bool IsNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
