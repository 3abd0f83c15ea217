using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Onnx.Models;

namespace PlaceDeMarche.Pipeline.Compliance.Stages;

/// <summary>The <c>compliance</c> section of pipeline.yaml.</summary>
public sealed class ComplianceParameters
{
    /// <summary>Columns <c>collected.parquet</c> may hold (data minimisation); any other column fails the stage.</summary>
    public required List<string> AllowedCollectedFields { get; set; }

    /// <summary>A likely secret anywhere scanned fails the stage (nothing may be published until it is removed).</summary>
    public required bool FailOnSecrets { get; set; }

    /// <summary>Workspace-relative files and folders whose text is scanned for secrets, besides the input tables.</summary>
    public required List<string> ScannedFiles { get; set; }

    /// <summary>Workspace-relative <c>project.assets.json</c> files whose restored packages enter the licence manifest.</summary>
    public required List<string> RestoreAssets { get; set; }

    /// <summary>Artifacts embedding source material (photos) leave the team; no-redistribution terms then apply.</summary>
    public required bool RedistributesSourceMaterial { get; set; }

    /// <summary>
    /// The <c>models</c> catalog, bound from its own section by the stage (no public setter: not a key of this
    /// section): each pretrained model enters the manifest with its own licence.
    /// </summary>
    public Dictionary<string, ModelCatalogEntry> Models { get; internal set; } = [];

    /// <summary>Accepted policy violations, each with its reason (shown in the report).</summary>
    public required List<ComplianceWaiverEntry> Waivers { get; set; }
}
