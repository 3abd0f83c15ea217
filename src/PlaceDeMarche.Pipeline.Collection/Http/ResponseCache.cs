using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Caching;

namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>
/// Raw API responses on disk, one file per request, named by the SHA-256 of the request URL with its secrets redacted
/// (so keys never reach the disk and a new key does not invalidate the cache). A rerun then sends no request at all.
/// </summary>
/// <param name="extension">File extension of the cached bodies (".json" for API pages, ".img" for images).</param>
public sealed class ResponseCache(string directory, string extension = ".json")
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public string PathFor(string redactedUrl) => Path.Combine(Directory, ContentHash.OfText(redactedUrl) + extension);

    public bool TryRead(string redactedUrl, out byte[] body)
    {
        var path = PathFor(redactedUrl);
        if (File.Exists(path))
        {
            body = File.ReadAllBytes(path);
            return true;
        }

        body = [];
        return false;
    }

    public void Store(string redactedUrl, ReadOnlySpan<byte> body)
    {
        System.IO.Directory.CreateDirectory(Directory);
        AtomicFile.WriteAllBytes(PathFor(redactedUrl), body);
    }
}
