using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Core.Execution;

/// <summary>
/// Runs one stage if, and only if, its fingerprint (code version + parameters + input content hashes) differs from
/// the one in its manifest, its outputs are damaged, or a rerun is forced.
/// </summary>
public sealed class StageRunner
{
    private static readonly JsonSerializerOptions ParameterJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly StageGraph graph;
    private readonly Workspace workspace;
    private readonly PipelineConfiguration configuration;
    private readonly IPipelineLog log;
    private readonly ManifestStore manifests;
    private readonly OutputVerifier verifier;
    private readonly CodeVersionStore codeVersions;
    private readonly ProgressBoard board = new();

    public StageRunner(StageGraph graph, Workspace workspace, PipelineConfiguration configuration, IPipelineLog log)
    {
        this.graph = graph;
        this.workspace = workspace;
        this.configuration = configuration;
        this.log = log;
        manifests = new ManifestStore(workspace);
        verifier = new OutputVerifier(workspace);
        codeVersions = new CodeVersionStore(Path.Combine(workspace.Root, "data", "cache", "code-versions.json"));
    }

    /// <summary>The stages running now and how far they are (read by the runner's heartbeat).</summary>
    public ProgressBoard Board => board;

    /// <param name="counter">Where the stage stands in the run, e.g. "3/34", shown in its log lines.</param>
    /// <param name="produce">What writes the outputs instead of the stage's own run (a merge of its shards' parts):
    /// the fingerprint and manifest are the stage's own, so the result is up to date exactly when a run would be.</param>
    public StageOutcome Run(string stageName, bool force, CancellationToken cancellation = default, string? counter = null, Action<StageContext>? produce = null)
    {
        var stage = graph.Get(stageName);
        var stopwatch = Stopwatch.StartNew();
        var state = Evaluate(stage, cancellation, resolveExternalInputs: true);
        var reason = force ? "forced" : state.Reason;
        if (reason is null)
        {
            // Up-to-date stages are counted by the pipeline runner, not listed one line each.
            return new StageOutcome(stage.Name, StageStatus.UpToDate, stopwatch.Elapsed.TotalSeconds, "fingerprint unchanged, outputs intact");
        }

        var label = counter is null ? stage.Name : $"{counter} {stage.Name}";
        log.Info($"[{label}] running ({reason})");
        manifests.Delete(stage.Name);
        board.Enter(stage.Name, state.Context.Progress);
        try
        {
            (produce ?? stage.Run)(state.Context);
        }
        finally
        {
            board.Leave(stage.Name);
        }

        var outputs = stage.Outputs.Select(verifier.Record).ToArray();
        var seconds = stopwatch.Elapsed.TotalSeconds;
        manifests.Save(new StageManifest(
            stage.Name, state.Fingerprint, state.CodeVersion, state.Parameters, state.Inputs, outputs,
            new Dictionary<string, JsonNode?>(state.Context.Metrics), seconds, DateTimeOffset.UtcNow));
        log.Info($"[{label}] done in {Duration.Format(stopwatch.Elapsed)}");
        return new StageOutcome(stage.Name, StageStatus.Ran, seconds, reason);
    }

    /// <summary>The metrics the stage's last completed run published (null: it has no manifest).</summary>
    public IReadOnlyDictionary<string, JsonNode?>? LastMetrics(string stageName) => manifests.Load(stageName)?.Metrics;

    /// <summary>
    /// Why the stage would run now (its manifest is missing or older than its code, parameters or input artifacts,
    /// or an output is damaged), without running it; null when it is up to date. A stage whose input is not
    /// available is stale too: the reason says which stage would produce it. External inputs (the dataset archive,
    /// model files) are taken as last recorded: re-identifying them could mean a download.
    /// </summary>
    public string? StaleReason(string stageName)
    {
        var stage = graph.Get(stageName);
        try
        {
            return Evaluate(stage, CancellationToken.None, resolveExternalInputs: false).Reason;
        }
        catch (StageInputException e)
        {
            return e.Message;
        }
    }

    private StageState Evaluate(IStage stage, CancellationToken cancellation, bool resolveExternalInputs)
    {
        var parameters = stage.BindParameters(configuration);
        var context = new StageContext(stage, workspace, parameters, log, cancellation);
        // A shard runs its stage's code: same version.
        var codeVersion = codeVersions.Of(stage is ShardedStage sharded ? sharded.Inner.GetType() : stage.GetType());
        var parameterJson = JsonSerializer.SerializeToNode(parameters, parameters.GetType(), ParameterJson);
        var previous = manifests.Load(stage.Name);
        var inputs = HashInputs(stage);
        var external = resolveExternalInputs
            ? (IEnumerable<KeyValuePair<string, string>>)stage.ResolveExternalInputs(context)
            : previous?.Inputs.Where(i => !stage.Inputs.Contains(i.Key)) ?? [];
        foreach (var (name, hash) in external)
        {
            inputs[name] = hash;
        }

        var fingerprint = Fingerprint(stage, codeVersion, parameterJson, inputs);
        var reason = WhyRun(stage, previous, fingerprint, codeVersion, parameterJson, inputs);
        return new StageState(context, fingerprint, codeVersion, parameterJson, inputs, reason);
    }

    private SortedDictionary<string, string> HashInputs(IStage stage)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in stage.Inputs)
        {
            var producer = graph.ProducerOf(input);
            var manifest = manifests.Load(producer.Name) ?? throw new StageInputException(
                $"Stage {stage.Name} needs '{input}' from stage {producer.Name}, which has not completed; run `dotnet cake --target={producer.Name}` first.");
            var record = manifest.Output(input);
            var damage = verifier.FindDamage(record);
            if (damage is not null)
            {
                throw new StageInputException(
                    $"Stage {stage.Name} cannot trust its input: {damage} since stage {producer.Name} wrote it; rerun `dotnet cake --target={stage.Name}`.");
            }

            hashes[input] = record.Sha256;
        }

        return hashes;
    }

    private string? WhyRun(IStage stage, StageManifest? previous, string fingerprint, string codeVersion, JsonNode? parameters, IReadOnlyDictionary<string, string> inputs)
    {
        if (previous is null)
        {
            return "no previous run";
        }

        if (previous.Fingerprint != fingerprint)
        {
            if (previous.CodeVersion != codeVersion)
            {
                return "code changed";
            }

            if (!JsonNode.DeepEquals(previous.Parameters, parameters))
            {
                return "parameters changed";
            }

            var changed = inputs.Where(i => !previous.Inputs.TryGetValue(i.Key, out var hash) || hash != i.Value).Select(i => i.Key).ToArray();
            return changed.Length > 0 ? $"input changed: {string.Join(", ", changed)}" : "fingerprint changed";
        }

        foreach (var output in stage.Outputs)
        {
            var record = previous.Outputs.FirstOrDefault(o => o.Path == output);
            var damage = record is null ? $"{output} not recorded" : verifier.FindDamage(record);
            if (damage is not null)
            {
                return damage;
            }
        }

        return null;
    }

    private static string Fingerprint(IStage stage, string codeVersion, JsonNode? parameters, IReadOnlyDictionary<string, string> inputs)
    {
        var material = new JsonObject
        {
            ["stage"] = stage.Name,
            ["code"] = codeVersion,
            ["parameters"] = parameters?.DeepClone(),
            ["inputs"] = new JsonObject(inputs.Select(i => new KeyValuePair<string, JsonNode?>(i.Key, i.Value))),
        };
        return ContentHash.OfText(material.ToJsonString());
    }

    /// <summary>What <see cref="Evaluate"/> found: everything a run records, and why it would run (null: up to date).</summary>
    private sealed record StageState(
        StageContext Context, string Fingerprint, string CodeVersion, JsonNode? Parameters, SortedDictionary<string, string> Inputs, string? Reason);
}
