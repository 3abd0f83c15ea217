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

    public StageRunner(StageGraph graph, Workspace workspace, PipelineConfiguration configuration, IPipelineLog log)
    {
        this.graph = graph;
        this.workspace = workspace;
        this.configuration = configuration;
        this.log = log;
        manifests = new ManifestStore(workspace);
        verifier = new OutputVerifier(workspace);
    }

    public StageOutcome Run(string stageName, bool force, CancellationToken cancellation = default)
    {
        var stage = graph.Get(stageName);
        var stopwatch = Stopwatch.StartNew();
        var parameters = stage.BindParameters(configuration);
        var context = new StageContext(stage, workspace, parameters, log, cancellation);
        var codeVersion = CodeVersion.Of(stage.GetType());
        var parameterJson = JsonSerializer.SerializeToNode(parameters, parameters.GetType(), ParameterJson);
        var inputs = HashInputs(stage);
        foreach (var (name, hash) in stage.ResolveExternalInputs(context))
        {
            inputs[name] = hash;
        }

        var fingerprint = Fingerprint(stage, codeVersion, parameterJson, inputs);
        var previous = manifests.Load(stage.Name);
        var reason = WhyRun(stage, previous, fingerprint, codeVersion, parameterJson, inputs, force);
        if (reason is null)
        {
            log.Info($"[{stage.Name}] up to date");
            return new StageOutcome(stage.Name, StageStatus.UpToDate, stopwatch.Elapsed.TotalSeconds, "fingerprint unchanged, outputs intact");
        }

        log.Info($"[{stage.Name}] running ({reason})");
        manifests.Delete(stage.Name);
        stage.Run(context);
        var outputs = stage.Outputs.Select(verifier.Record).ToArray();
        var seconds = stopwatch.Elapsed.TotalSeconds;
        manifests.Save(new StageManifest(
            stage.Name, fingerprint, codeVersion, parameterJson, inputs, outputs,
            new Dictionary<string, JsonNode?>(context.Metrics), seconds, DateTimeOffset.UtcNow));
        log.Info($"[{stage.Name}] done in {seconds:F1} s");
        return new StageOutcome(stage.Name, StageStatus.Ran, seconds, reason);
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

    private string? WhyRun(IStage stage, StageManifest? previous, string fingerprint, string codeVersion, JsonNode? parameters, IReadOnlyDictionary<string, string> inputs, bool force)
    {
        if (force)
        {
            return "forced";
        }

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
}
