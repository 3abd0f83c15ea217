using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Dataset.Archives;

namespace PlaceDeMarche.Pipeline.Dataset.Stages;

/// <summary>
/// Obtains the dataset archive (sample, local file or URL), verifies its checksum and extracts it safely. Its
/// fingerprint uses the archive's content hash, so the same archive from another place is still up to date.
/// </summary>
public sealed class DownloadStage : Stage<DatasetParameters>
{
    private readonly Func<HttpClient> httpClientFactory;
    private ArchiveLocation? located;

    public DownloadStage(Func<HttpClient> httpClientFactory)
    {
        this.httpClientFactory = httpClientFactory;
    }

    public override string Name => "Download";

    public override string Description => "Fetch the dataset archive (URL, local path or sample), verify its SHA-256, extract it safely";

    public override IReadOnlyList<string> Inputs { get; } = [];

    public override IReadOnlyList<string> Outputs { get; } = [ArtifactPaths.ExtractedDataset, ArtifactPaths.ArchiveInfo];

    protected override DatasetParameters BindParameters(PipelineConfiguration configuration) =>
        configuration.Bind<DatasetParameters>("dataset");

    protected override IReadOnlyDictionary<string, string> ResolveExternalInputs(StageContext context, DatasetParameters parameters) =>
        new Dictionary<string, string> { ["dataset archive"] = Locate(context, parameters).Sha256 };

    protected override void Run(StageContext context, DatasetParameters parameters)
    {
        var archive = Locate(context, parameters);
        var limits = new ZipExtractionLimits { MaxEntries = parameters.MaxEntries, MaxTotalBytes = parameters.MaxExtractedBytes };
        var files = SafeZipExtractor.Extract(archive.Path, context.OutputPath(ArtifactPaths.ExtractedDataset), limits);
        context.Log.Info($"Download: extracted {files.Count} files ({files.Sum(f => f.Size) >> 20} MiB) from {Path.GetFileName(archive.Path)}");
        ArchiveTable.Write(
            context.OutputPath(ArtifactPaths.ArchiveInfo),
            new ArchiveRecord(archive.Source, Path.GetFileName(archive.Path), archive.Sha256, archive.Length, archive.IsSample, files.Count));
        context.PublishMetric("dataset.archive_sha256", archive.Sha256);
        context.PublishMetric("dataset.sample", archive.IsSample);
    }

    private ArchiveLocation Locate(StageContext context, DatasetParameters parameters) =>
        located ??= new ArchiveLocator(context.Workspace, context.Log, httpClientFactory).Locate(parameters, context.Cancellation);
}
