using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Onnx.Models;
using YamlDotNet.Serialization;

namespace PlaceDeMarche.Pipeline.Compliance.Stages;

/// <summary>The <c>compliance</c> section of pipeline.yaml.</summary>
public sealed class ComplianceParameters
{
    /// <summary>Columns <c>collected.parquet</c> may hold (data minimisation); any other column fails the stage.</summary>
    public List<string> AllowedCollectedFields { get; set; } = [.. CollectedProductTable.ColumnNames];

    /// <summary>A likely secret anywhere scanned fails the stage (nothing may be published until it is removed).</summary>
    public bool FailOnSecrets { get; set; } = true;

    /// <summary>Workspace-relative files and folders whose text is scanned for secrets, besides the input tables.</summary>
    public List<string> ScannedFiles { get; set; } = ["pipeline.yaml", "data/artifacts/.runs/", "data/artifacts/.manifests/", "data/cache/collect/"];

    /// <summary>Workspace-relative <c>project.assets.json</c> files whose restored packages enter the licence manifest.</summary>
    public List<string> RestoreAssets { get; set; } = ["src/PlaceDeMarche.Pipeline.Cli/obj/project.assets.json"];

    /// <summary>Artifacts embedding source material (photos) leave the team; no-redistribution terms then apply.</summary>
    public bool RedistributesSourceMaterial { get; set; }

    /// <summary>The <c>models</c> catalog (bound from its own section): each pretrained model enters the manifest with its own licence.</summary>
    [YamlIgnore]
    public Dictionary<string, ModelCatalogEntry> Models { get; set; } = [];

    /// <summary>Accepted policy violations, each with its reason (shown in the report).</summary>
    public List<ComplianceWaiverEntry> Waivers { get; set; } = [];
}
