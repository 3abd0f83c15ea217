using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Caching;

namespace PlaceDeMarche.Pipeline.Core.Execution;

/// <summary>Reads and writes the per-stage manifests under <c>data/artifacts/.manifests</c>.</summary>
public sealed class ManifestStore
{
    private readonly Workspace workspace;

    public ManifestStore(Workspace workspace)
    {
        this.workspace = workspace;
    }

    public StageManifest? Load(string stage) => StageManifest.TryLoad(PathOf(stage));

    /// <summary>Every stage's manifest, oldest completion first (a stage being rerun has none).</summary>
    public IReadOnlyList<StageManifest> LoadAll() =>
        Directory.Exists(workspace.ManifestsDirectory)
            ? Directory.GetFiles(workspace.ManifestsDirectory, "*.json")
                .Select(f => Load(Path.GetFileNameWithoutExtension(f)))
                .OfType<StageManifest>()
                .OrderBy(m => m.CompletedAtUtc)
                .ToArray()
            : [];

    public void Save(StageManifest manifest) => AtomicFile.WriteAllText(PathOf(manifest.Stage), manifest.ToJson());

    public void Delete(string stage)
    {
        if (File.Exists(PathOf(stage)))
        {
            File.Delete(PathOf(stage));
        }
    }

    private string PathOf(string stage) => Path.Combine(workspace.ManifestsDirectory, stage + ".json");
}
