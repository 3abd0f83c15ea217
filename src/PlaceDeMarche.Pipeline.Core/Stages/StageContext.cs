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

    /// <summary>Absolute path of one of this stage's declared inputs.</summary>
    public string InputPath(string artifactPath) => Workspace.Resolve(Declared(Stage.Inputs, artifactPath, "input"));

    /// <summary>Absolute path of one of this stage's declared outputs.</summary>
    public string OutputPath(string artifactPath) => Workspace.Resolve(Declared(Stage.Outputs, artifactPath, "output"));

    public void PublishMetric(string key, JsonNode? value) => metrics[key] = value;

    private string Declared(IReadOnlyList<string> declared, string artifactPath, string kind) =>
        declared.Contains(artifactPath)
            ? artifactPath
            : throw new InvalidOperationException($"Stage {Stage.Name} uses '{artifactPath}' but does not declare it as an {kind}.");
}
