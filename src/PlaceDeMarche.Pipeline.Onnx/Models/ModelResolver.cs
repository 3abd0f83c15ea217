using System.Runtime.Loader;
using System.Security.Cryptography;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Logging;

namespace PlaceDeMarche.Pipeline.Onnx.Models;

/// <summary>
/// Turns a catalog entry's candidate sources into a local file whose SHA-256 was checked. A plain file is used where
/// it is; a package file, a resource embedded in a package's assembly or a download is copied once into <c>&lt;cache&gt;/&lt;sha256&gt;/</c>,
/// through a temporary file that is renamed into place only when its hash matches, so the cache never holds a partial
/// or wrong file. Sources are tried in order; a source that is absent (file missing, assembly not referenced, offline)
/// passes to the next one with a warning, but a file with the wrong hash is refused outright.
/// </summary>
public sealed class ModelResolver
{
    /// <summary>Where copies are kept, relative to the workspace.</summary>
    public const string CacheFolder = "data/cache/models";

    private const string PackageScheme = "package:";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(10) };

    private readonly string workspaceRoot;
    private readonly string cacheDirectory;
    private readonly string packagesFolder;
    private readonly Func<Uri, Stream> download;
    private readonly IPipelineLog log;

    /// <param name="workspaceRoot">Base of relative file paths; the cache is <see cref="CacheFolder"/> under it.</param>
    /// <param name="packagesFolder">The NuGet global packages folder (see <see cref="DefaultPackagesFolder"/>).</param>
    /// <param name="download">Opens a URL; throws <see cref="HttpRequestException"/> when it cannot be reached.</param>
    /// <param name="log">Receives a warning when a later source stands in for an absent one.</param>
    public ModelResolver(string workspaceRoot, string packagesFolder, Func<Uri, Stream> download, IPipelineLog log)
    {
        this.workspaceRoot = Path.GetFullPath(workspaceRoot);
        cacheDirectory = Path.Combine(this.workspaceRoot, CacheFolder);
        this.packagesFolder = packagesFolder;
        this.download = download;
        this.log = log;
    }

    /// <summary>The resolver the stages use: the restore's packages folder and real downloads.</summary>
    public static ModelResolver ForWorkspace(string workspaceRoot, IPipelineLog log) =>
        new(workspaceRoot, DefaultPackagesFolder(), uri => Http.GetStreamAsync(uri).GetAwaiter().GetResult(), log);

    /// <summary><c>NUGET_PACKAGES</c> when set, else <c>~/.nuget/packages</c>, as NuGet itself decides.</summary>
    public static string DefaultPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The verified local path of file <paramref name="role"/> of model <paramref name="model"/>, from its catalog entry's <paramref name="files"/>.</summary>
    /// <exception cref="PipelineConfigurationException">The entry lacks the role, or a SHA-256 is malformed.</exception>
    /// <exception cref="ModelUnavailableException">No source is available on this machine.</exception>
    /// <exception cref="OnnxModelException">A source has the wrong SHA-256.</exception>
    public string Resolve(string model, IReadOnlyDictionary<string, List<ModelFileSource>> files, string role) => Locate(model, files, role).Path;

    /// <summary>As <see cref="Resolve"/>, with the hash and the source that was used (sources may pin different files).</summary>
    public ResolvedModelFile Locate(string model, IReadOnlyDictionary<string, List<ModelFileSource>> files, string role)
    {
        ArgumentNullException.ThrowIfNull(files);
        var key = $"{ModelCatalogEntry.Section}.{model}.files.{role}";
        if (!files.TryGetValue(role, out var candidates) || candidates.Count == 0)
        {
            throw new PipelineConfigurationException($"{key} is not in pipeline.yaml: list at least one source (with its sha256) for the {role} of model '{model}'.");
        }

        var absent = new List<string>();
        foreach (var candidate in candidates)
        {
            try
            {
                var path = ResolveOne(key, candidate);
                if (absent.Count > 0)
                {
                    log.Warning($"Model '{model}' ({role}): {string.Join("; ", absent)}; using {candidate.Source} instead.");
                }

                return new ResolvedModelFile(path, candidate.Sha256.Trim().ToLowerInvariant(), candidate.Source.Trim());
            }
            catch (ModelSourceAbsentException e)
            {
                absent.Add($"{candidate.Source} is not available ({e.Message})");
            }
        }

        throw new ModelUnavailableException(
            $"No source of {key} (pipeline.yaml) is available: {string.Join("; ", absent)}. " +
            "Restore the package that ships it (dotnet restore), put the file at the path given, or, with internet, add a URL source with its sha256.");
    }

    private string ResolveOne(string key, ModelFileSource candidate)
    {
        var expected = candidate.Sha256.Trim().ToLowerInvariant();
        if (expected.Length != 64 || !expected.All(char.IsAsciiHexDigitLower))
        {
            throw new PipelineConfigurationException($"{key}: sha256 of '{candidate.Source}' is '{candidate.Sha256}', not 64 hexadecimal digits.");
        }

        var source = candidate.Source.Trim();
        if (!IsCopied(source))
        {
            var file = Path.GetFullPath(source, workspaceRoot);
            if (!File.Exists(file))
            {
                throw new ModelSourceAbsentException($"{file} does not exist");
            }

            var actual = ContentHash.OfFile(file);
            return actual == expected ? file : throw Mismatch(key, file, actual, expected);
        }

        var cached = Path.Combine(cacheDirectory, expected, CachedFileName(source));
        if (File.Exists(cached) && ContentHash.OfFile(cached) == expected)
        {
            return cached;
        }

        using var content = Open(source);
        AtomicFile.Write(cached, destination =>
        {
            using var hashing = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 20];
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                hashing.AppendData(buffer, 0, read);
                destination.Write(buffer, 0, read);
            }

            var actual = Convert.ToHexStringLower(hashing.GetHashAndReset());
            if (actual != expected)
            {
                throw Mismatch(key, source, actual, expected);
            }
        });
        return cached;
    }

    private static bool IsCopied(string source) =>
        source.StartsWith(PackageScheme, StringComparison.Ordinal)
        || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || source.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    private Stream Open(string source)
    {
        if (!source.StartsWith(PackageScheme, StringComparison.Ordinal))
        {
            try
            {
                return download(new Uri(source));
            }
            catch (HttpRequestException e)
            {
                throw new ModelSourceAbsentException($"cannot download it ({e.Message}); this machine may be offline");
            }
        }

        var (path, resource) = SplitResource(source[PackageScheme.Length..]);
        var parts = path.Split('/', 3);
        if (parts.Length != 3 || parts.Any(part => part.Length == 0))
        {
            throw new PipelineConfigurationException($"'{source}' is not package:<id>/<version>/<path inside the package>[#<manifest resource>].");
        }

        var file = Path.Combine(packagesFolder, parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant(), parts[2]);
        if (!File.Exists(file))
        {
            throw new ModelSourceAbsentException($"{file} does not exist; restore package {parts[0]} {parts[1]} (dotnet restore)");
        }

        return resource is null
            ? new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan)
            : ReadResource(file, resource);
    }

    /// <summary>
    /// A manifest resource of an assembly file, read in a collectible load context that is unloaded afterwards: the
    /// assembly's code is never run and its dependencies are never loaded.
    /// </summary>
    private static MemoryStream ReadResource(string assemblyFile, string resource)
    {
        var context = new AssemblyLoadContext($"resources of {Path.GetFileName(assemblyFile)}", isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(assemblyFile);
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new ModelSourceAbsentException(
                    $"{assemblyFile} has no resource '{resource}'; it has {string.Join(", ", assembly.GetManifestResourceNames())}");
            var copy = new MemoryStream(checked((int)stream.Length));
            stream.CopyTo(copy);
            copy.Position = 0;
            return copy;
        }
        finally
        {
            context.Unload();
        }
    }

    private static (string Path, string? Resource) SplitResource(string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (reference, null) : (reference[..hash], reference[(hash + 1)..]);
    }

    private static string CachedFileName(string source)
    {
        var name = source.StartsWith(PackageScheme, StringComparison.Ordinal)
            ? SplitResource(source) is (var path, var resource) ? resource ?? Path.GetFileName(path) : ""
            : Path.GetFileName(new Uri(source).AbsolutePath);
        return string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
    }

    private static OnnxModelException Mismatch(string key, string what, string actual, string expected) =>
        new($"SHA-256 of {what} is {actual}, but {key} in pipeline.yaml expects {expected}: refusing the file. " +
            "It is damaged or not the pinned model; restore the original, or review the new file and pin its hash.");
}
