using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Execution;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Cli;

/// <summary>The command-line entry point that Cake calls (<c>run --target</c>) and that users may call directly.</summary>
public static class PipelineCommand
{
    private const string Usage = """
        usage: placedemarche-pipeline <command> [options]

        commands:
          graph                    print the stage graph (name, dependencies, description), one stage a line
          run-stage <Stage>        run one stage if its fingerprint or outputs changed (dependencies must be up to date)
          run [--target <Stage>]   run a stage and everything it needs (default: every stage, i.e. the whole study),
                                   in this process, independent stages side by side
          run --shard <i/n> [--target <Stage>]
                                   run only the per-item stages the target needs (default: all of them: TextCleaning,
                                   ImagePreprocess, ImageCnn*, ImageAugmented*, ImageSift's extraction) for shard i of n
                                   of the products, writing their parts under data/artifacts/shards/ (the unsharded
                                   artifacts are left alone)
          merge-shards <n> [--target <Stage>]
                                   write the per-item stages' artifacts from their n up-to-date shards, as one run would
          summarize                write reports/run-summary.json for the run given by --run-id
          predict --image <file> --text "<name and description>"
                                   the trained model's category for a new product, with the top 3
                                   (--model <file>: another saved model than data/artifacts/supervised/model.json)

        options:
          --workspace <dir>        repository root (default: the folder above holding pipeline.yaml)
          --config <file>          configuration file (default: <workspace>/pipeline.yaml)
          --dataset <path|url|sample>  where the dataset archive comes from (overrides dataset.source; remembered for later runs)
          --collect <required|optional>  required: an API collection that fails stops the study (overrides collect.required)
          --force                  rerun stages even when up to date
          --jobs <n>               with run: at most n stages at once (default: the number of cores)
          --shard <i/n>            with run: shard i (0 to n-1) of n; a product's shard is its id's SHA-256 modulo n
          --run-id <id>            groups the stage outcomes of one run for the summary
          --failed                 with summarize: the run failed
          --quiet                  no progress lines (the default when CI=true)
          --verbose                print stack traces of unexpected errors
        """;

    public static int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        CommandLine commandLine;
        try
        {
            commandLine = CommandLine.Parse(args);
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }

        if (commandLine.Command == "help" || commandLine.Has("help"))
        {
            output.WriteLine(Usage);
            return 0;
        }

        Shard? shard = null;
        if (commandLine.Value("shard") is { } shardText && !Shard.TryParse(shardText, out shard, out var shardError))
        {
            error.WriteLine($"error: {shardError}");
            return 2;
        }

        var quiet = commandLine.Has("quiet") || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var log = new ConsoleLog(output, error, quiet);
        try
        {
            return Dispatch(commandLine, shard, log, output);
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }
        catch (StageFailedException)
        {
            // Already logged with the stage name by the pipeline runner.
            return 1;
        }
        catch (PipelineConfigurationException e)
        {
            // One line per mistake, each naming file, line and key.
            foreach (var line in e.Message.Split('\n'))
            {
                error.WriteLine($"error: {line}");
            }

            return 2;
        }
        catch (Exception e)
        {
            error.WriteLine(commandLine.Has("verbose") ? $"error: {e}" : $"error: {e.Message}");
            return 1;
        }
    }

    private static int Dispatch(CommandLine commandLine, Shard? shard, IPipelineLog log, TextWriter output)
    {
        var graph = StageCatalog.CreateGraph();
        if (commandLine.Command == "graph")
        {
            foreach (var stage in graph.TopologicalOrder)
            {
                var dependencies = string.Join(',', graph.DependenciesOf(stage).Select(d => d.Name));
                output.WriteLine($"{stage.Name}\t{dependencies}\t{stage.Description}");
            }

            return 0;
        }

        var workspace = commandLine.Value("workspace") is { } root ? new Workspace(root) : Workspace.Discover(Environment.CurrentDirectory);
        var configurationPath = commandLine.Value("config") ?? Path.Combine(workspace.Root, "pipeline.yaml");
        var configuration = PipelineConfiguration.Load(configurationPath);
        var dataset = DatasetSelection.Choose(commandLine.Value("dataset"), workspace, configuration.Bind<string>("dataset.source") ?? "");
        configuration = configuration.WithOverride("dataset.source", dataset.Source);
        workspace = workspace.ForDataset(dataset.Id);
        if (commandLine.Command == "predict")
        {
            // The model the last study of this dataset saved.
            PredictCommand.Run(commandLine, workspace, log, output);
            return 0;
        }

        log.Info($"dataset: {dataset.Id} ({dataset.PublicSource}){(dataset.Remembered ? ", remembered from the last run (--dataset=<path|sample> studies another)" : "")}; "
            + $"artifacts in {Path.GetRelativePath(workspace.Root, workspace.ArtifactsDirectory)}, reports in {Path.GetRelativePath(workspace.Root, workspace.ReportsDirectory)}");

        if (commandLine.Value("collect") is { } collect)
        {
            configuration = configuration.WithOverride("collect.required", collect switch
            {
                "required" => "true",
                "optional" => "false",
                _ => throw new UsageException($"--collect takes 'required' or 'optional', not '{collect}'."),
            });
        }

        PipelineConfigurationCheck.ThrowIfInvalid(graph.Stages, configuration);
        var runLog = new RunLog(workspace, commandLine.Value("run-id") ?? $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..6]}");
        var stageRunner = new StageRunner(graph, workspace, configuration, log);
        var runner = new PipelineRunner(graph, stageRunner, runLog, log);
        var force = commandLine.Has("force");
        if (shard is not null && commandLine.Command != "run")
        {
            throw new UsageException("--shard goes with run only.");
        }

        switch (commandLine.Command)
        {
            case "run" when shard is not null:
                RunShard(commandLine, shard, graph, workspace, configuration, runLog, log, force);
                dataset.Remember(workspace);
                return 0;
            case "merge-shards":
                var count = commandLine.Positional is [var countText] && int.TryParse(countText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1
                    ? n
                    : throw new UsageException("merge-shards takes the number of shards, e.g. merge-shards 2.");
                var merger = new ShardMerger(graph, stageRunner, shardGraph => new StageRunner(shardGraph, workspace, configuration, log), workspace, log);
                var merged = ShardableStages(commandLine, graph).Select(s => s.Name).ToArray();
                RunGuarded(() => merger.Merge(count, merged, force));
                return 0;
            case "run-stage":
                if (commandLine.Positional.Count != 1)
                {
                    throw new UsageException("run-stage takes exactly one stage name.");
                }

                var stageName = graph.Get(commandLine.Positional[0]).Name;
                RunGuarded(() => runner.RunStage(stageName, force));
                return 0;
            case "run":
                IReadOnlyList<string> targets = commandLine.Value("target") is { } target
                    ? [graph.Get(target).Name]
                    : graph.Stages.Select(s => s.Name).ToArray();
                var jobs = Jobs(commandLine);
                var succeeded = false;
                try
                {
                    RunGuarded(() => runner.RunTargets(targets, force, jobs));
                    succeeded = true;
                }
                finally
                {
                    Summarize(workspace, graph, runLog, succeeded, stageRunner, Describe(dataset, configurationPath, workspace, runLog), log);
                }

                dataset.Remember(workspace);
                if (!dataset.IsSample)
                {
                    PublishToSharedReports(workspace, log);
                }

                return 0;
            case "summarize":
                Summarize(workspace, graph, runLog, succeeded: !commandLine.Has("failed"), stageRunner, Describe(dataset, configurationPath, workspace, runLog), log);
                return 0;
            default:
                throw new UsageException($"Unknown command '{commandLine.Command}'.");
        }
    }

    /// <summary>
    /// Runs shard <paramref name="shard"/> of the per-item stages (of the target's closure, or all of them) and the
    /// unsharded stages they need. No run summary: the study's summary describes unsharded runs only.
    /// </summary>
    private static void RunShard(CommandLine commandLine, Shard shard, StageGraph graph, Workspace workspace, PipelineConfiguration configuration, RunLog runLog, IPipelineLog log, bool force)
    {
        var targets = ShardableStages(commandLine, graph).Select(s => ShardedStage.NameOf(s.Name, shard)).ToArray();
        var shardGraph = graph.WithShard(shard);
        var runner = new PipelineRunner(shardGraph, new StageRunner(shardGraph, workspace, configuration, log), runLog, log);
        RunGuarded(() => runner.RunTargets(targets, force, Jobs(commandLine)));
        log.Info($"shard {shard.Label}: parts in {Path.GetRelativePath(workspace.Root, workspace.Resolve("data/artifacts/shards"))}; once every shard ran, `placedemarche-pipeline merge-shards {shard.Count}`");
    }

    /// <summary>The per-item stages among the target and the stages it needs (all of them without --target).</summary>
    private static IReadOnlyList<IShardableStage> ShardableStages(CommandLine commandLine, StageGraph graph)
    {
        var target = commandLine.Value("target");
        var stages = (target is null ? graph.Stages : graph.ClosureOf(graph.Get(target).Name)).OfType<IShardableStage>().ToArray();
        return stages.Length > 0
            ? stages
            : throw new UsageException($"{target} needs no per-item stage; those that run by shard: {string.Join(", ", graph.Stages.OfType<IShardableStage>().Select(s => s.Name))}.");
    }

    /// <summary>
    /// Writes the run summary; after a successful run, repeats the verdict, the headline scores (means over the
    /// seeds, as the report gives them) and where the report is. After a failure, only where the summary is: the
    /// scores on disk may be stale.
    /// </summary>
    private static void Summarize(Workspace workspace, StageGraph graph, RunLog runLog, bool succeeded, StageRunner stageRunner, RunDescription description, IPipelineLog log)
    {
        var summary = RunSummaryWriter.Write(workspace, graph, runLog, succeeded, stageRunner.StaleReason, description);
        if (succeeded)
        {
            foreach (var line in HeadlineLines(summary["metrics"]!.AsObject()))
            {
                log.Info(line);
            }

            foreach (var report in new[] { "feasibility-report.pdf", "text-study.pdf" }.Select(name => Path.Combine(workspace.ReportsDirectory, name)).Where(File.Exists))
            {
                log.Info($"report: {report}");
            }
        }

        log.Info($"summary: {Path.Combine(workspace.ReportsDirectory, RunSummaryWriter.FileName)}");
    }

    private static RunDescription Describe(DatasetSelection dataset, string configurationPath, Workspace workspace, RunLog runLog) =>
        new(dataset.Id, dataset.PublicSource, ContentHash.OfFile(configurationPath), GitCommit.Of(workspace.Root), runLog.StartedAt);

    /// <summary>
    /// The main study's reports also go to the README's folder (<c>reports/</c>), where readers look for them; a
    /// demonstration on the sample leaves them alone.
    /// </summary>
    private static void PublishToSharedReports(Workspace workspace, IPipelineLog log)
    {
        foreach (var name in new[] { "feasibility-report.pdf", "text-study.pdf", RunSummaryWriter.FileName })
        {
            var source = Path.Combine(workspace.ReportsDirectory, name);
            if (File.Exists(source))
            {
                AtomicFile.WriteAllBytes(Path.Combine(workspace.SharedReportsDirectory, name), File.ReadAllBytes(source));
            }
        }

        log.Info($"reports also copied to {workspace.SharedReportsDirectory}");
    }

    /// <summary>The verdict and the headline means ± standard deviations present in the metrics, one line each.</summary>
    public static IEnumerable<string> HeadlineLines(System.Text.Json.Nodes.JsonObject metrics)
    {
        if (metrics["report.verdict"] is { } verdict)
        {
            yield return $"verdict: {verdict}";
        }

        string[] headlines =
        [
            "text.best.ari_mean", "image.cnn.ari_mean", "image.sift.ari_mean", "fusion.ari_mean",
            "supervised.text.cv_accuracy_mean", "supervised.image.cv_accuracy_mean", "supervised.multimodal.cv_accuracy_mean",
        ];
        foreach (var key in headlines.Where(metrics.ContainsKey))
        {
            var value = (double)metrics[key]!;
            var spread = metrics[key[..^"_mean".Length] + "_std"] is { } std ? $" ± {(double)std:0.000}" : "";
            yield return $"{key} = {value:0.000}{spread}";
        }

        if (metrics["supervised.best.test_accuracy"] is { } accuracy)
        {
            yield return $"supervised.best.test_accuracy = {(double)accuracy:0.000}";
        }
    }

    private static int Jobs(CommandLine commandLine)
    {
        var value = commandLine.Value("jobs");
        if (value is null)
        {
            return Environment.ProcessorCount;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var jobs) && jobs >= 1
            ? jobs
            : throw new UsageException($"--jobs needs a whole number of at least 1, not '{value}'.");
    }

    private static void RunGuarded(Action run)
    {
        try
        {
            run();
        }
        catch (Exception e) when (e is not UsageException)
        {
            throw new StageFailedException(e);
        }
    }
}
