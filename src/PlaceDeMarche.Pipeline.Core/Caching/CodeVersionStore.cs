using System.Text;
using System.Text.Json;
using PlaceDeMarche.Pipeline.Core.Artifacts;

namespace PlaceDeMarche.Pipeline.Core.Caching;

/// <summary>
/// Code versions kept between runs: reading a stage's closure costs seconds for the whole catalog, and a version is a
/// function of the program's assemblies only. The file holds the versions computed for one build of the program,
/// identified by the path, size and write time of every assembly file beside it; any rebuild that writes one of
/// them starts the file afresh. Types loaded from elsewhere (tests compiling assemblies) are always computed.
/// </summary>
public sealed class CodeVersionStore
{
    private static readonly Lazy<string> ProgramBuild = new(IdentifyProgramBuild);

    private readonly string path;
    private readonly Lock gate = new();
    private Dictionary<string, string>? versions;

    public CodeVersionStore(string path)
    {
        this.path = path;
    }

    public string Of(Type stageType)
    {
        if (!stageType.Assembly.Location.StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal))
        {
            return CodeVersion.Of(stageType);
        }

        var label = CodeVersion.Label(stageType);
        lock (gate)
        {
            versions ??= Load();
            if (versions.TryGetValue(label, out var stored))
            {
                return stored;
            }

            var version = CodeVersion.Of(stageType);
            versions[label] = version;
            AtomicFile.WriteAllText(path, JsonSerializer.Serialize(new StoredVersions(ProgramBuild.Value, versions)));
            return version;
        }
    }

    private Dictionary<string, string> Load()
    {
        try
        {
            var stored = File.Exists(path) ? JsonSerializer.Deserialize<StoredVersions>(File.ReadAllText(path)) : null;
            return stored?.Build == ProgramBuild.Value ? new Dictionary<string, string>(stored.Versions, StringComparer.Ordinal) : [];
        }
        catch (JsonException)
        {
            // A damaged cache costs only the time to recompute it.
            return [];
        }
    }

    private static string IdentifyProgramBuild()
    {
        var files = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            files.Append(Path.GetRelativePath(AppContext.BaseDirectory, file)).Append('\t')
                .Append(info.Length).Append('\t').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
        }

        return ContentHash.OfText(files.ToString());
    }

    private sealed record StoredVersions(string Build, Dictionary<string, string> Versions);
}
