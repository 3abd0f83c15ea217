using System.Text.Json.Nodes;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Logging;

namespace PlaceDeMarche.Pipeline.Core.Stages;

/// <summary>What a running stage sees: its parameters, paths, log, and where to publish headline metrics.</summary>
public sealed class StageContext
{
    private readonly Dictionary<string, JsonNode?> metrics = new(StringComparer.Ordinal);

    public StageContext(IStage stage, Workspace workspace, object parameters, IPipelineLog log, CancellationToken cancellation, StageProgress? progress = null)
    {
        Progress = progress ?? new StageProgress();
        Stage = stage;
        Workspace = workspace;
        Parameters = parameters;
        Log = log;
        Cancellation = cancellation;
    }

    public IStage Stage { get; }

    public Workspace Workspace { get; }

    public object Parameters { get; }

    public IPipelineLog Log { get; }

    public CancellationToken Cancellation { get; }

    /// <summary>Items done of a total, for per-item stages; the runner prints it while the stage runs.</summary>
    public StageProgress Progress { get; }

    /// <summary>Metrics published by this run, copied into the manifest and the run summary.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Metrics => metrics;

    /// <summary>The shard of the items this run covers (<c>run --shard i/n</c>), null when it covers them all.</summary>
    public Shard? Shard => (Stage as ShardedStage)?.Shard;

    /// <summary>Whether this run covers the item of id <paramref name="itemId"/>: always, unless it runs one shard.</summary>
    public bool InShard(string itemId) => Shard?.Contains(itemId) ?? true;

    /// <summary>Absolute path of one of this stage's declared inputs (a shard reads the parts of sharded inputs).</summary>
    public string InputPath(string artifactPath) => Workspace.Resolve(Declared(Stage.Inputs, Translate(artifactPath), "input"));

    /// <summary>Absolute path of one of this stage's declared outputs (a shard writes its parts).</summary>
    public string OutputPath(string artifactPath) => Workspace.Resolve(Declared(Stage.Outputs, Translate(artifactPath), "output"));

    public void PublishMetric(string key, JsonNode? value) => metrics[key] = value;

    private string Translate(string artifactPath) => Stage is ShardedStage sharded ? sharded.Translate(artifactPath) : artifactPath;

    private string Declared(IReadOnlyList<string> declared, string artifactPath, string kind) =>
        declared.Contains(artifactPath)
            ? artifactPath
            : throw new InvalidOperationException($"Stage {Stage.Name} uses '{artifactPath}' but does not declare it as an {kind}.");
}
