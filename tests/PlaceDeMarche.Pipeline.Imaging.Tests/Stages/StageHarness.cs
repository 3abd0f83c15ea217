using System.Text.Json.Nodes;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Stages;

/// <summary>A throw-away workspace holding a product table and fixture photos, on which image stages are run directly.</summary>
internal sealed class StageHarness : IDisposable
{
    private const string ImagesFolder = "data/artifacts/download/dataset/Images/";

    public StageHarness()
    {
        Workspace = new Workspace(Path.Combine(Path.GetTempPath(), "image-stage-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(Workspace.Resolve(ImagesFolder));
    }

    public Workspace Workspace { get; }

    public List<string> Warnings { get; } = [];

    public string PathOf(string artifactPath) => Workspace.Resolve(artifactPath);

    /// <summary>Writes products.parquet: one product per (id, category, fixture or null, ingest status).</summary>
    public void WriteProducts(params (string Id, string Category, string? Fixture, string Status)[] products)
    {
        foreach (var (_, _, fixture, _) in products)
        {
            if (fixture is not null && File.Exists(Fixture.PathOf(fixture)))
            {
                File.Copy(Fixture.PathOf(fixture), Workspace.Resolve(ImagesFolder + fixture), overwrite: true);
            }
        }

        ProductTable.Write(PathOf(ArtifactPaths.Products), products
            .Select(p => new ProductRow(p.Id, p.Id, "", p.Category, p.Category, p.Fixture is null ? null : ImagesFolder + p.Fixture, p.Status))
            .ToArray());
    }

    public IReadOnlyDictionary<string, JsonNode?> Run(IStage stage, object parameters)
    {
        var context = new StageContext(stage, Workspace, parameters, new RecordingLog(Warnings), CancellationToken.None);
        stage.Run(context);
        return context.Metrics;
    }

    /// <summary>Runs the merge of <paramref name="stage"/> on the parts its shards wrote, given the metrics each shard published.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Merge(IShardableStage stage, object parameters, IReadOnlyList<IReadOnlyDictionary<string, JsonNode?>> shardMetrics)
    {
        var context = new StageContext(stage, Workspace, parameters, new RecordingLog(Warnings), CancellationToken.None);
        stage.MergeShards(context, new ShardParts(Workspace, shardMetrics));
        return context.Metrics;
    }

    public void Dispose()
    {
        if (Directory.Exists(Workspace.Root))
        {
            Directory.Delete(Workspace.Root, recursive: true);
        }
    }

    private sealed class RecordingLog(List<string> warnings) : IPipelineLog
    {
        public void Info(string message)
        {
        }

        public void Warning(string message)
        {
            lock (warnings)
            {
                warnings.Add(message);
            }
        }

        public void Error(string message)
        {
        }

        public void Progress(string message)
        {
        }
    }
}
