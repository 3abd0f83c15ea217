using System.Text.Unicode;
using PlaceDeMarche.Pipeline.Compliance.Licensing;
using PlaceDeMarche.Pipeline.Compliance.Pii;
using PlaceDeMarche.Pipeline.Compliance.Scanning;
using PlaceDeMarche.Pipeline.Compliance.Secrets;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Onnx.Models;

namespace PlaceDeMarche.Pipeline.Compliance.Stages;

/// <summary>
/// The checks a data-protection officer signs off before anything is published: data minimisation of the collected
/// table, a PII scan of every text field of the products and collected products, a secret scan of those tables and of
/// the logs, manifests, configuration and API cache, and the licence manifest (study sources, models, restored NuGet
/// packages) checked against the policy with its waivers. The report's own text is scanned by the report stage,
/// which refuses to write a document containing a secret.
/// </summary>
public sealed class ComplianceStage : Stage<ComplianceParameters>
{
    private const int ListedInErrors = 10;

    public override string Name => "Compliance";

    public override string Description => "RGPD and licence checks: data minimisation, PII and secret scans, licence manifest with waivers";

    public override IReadOnlyList<string> Inputs { get; } =
        [ArtifactPaths.Products, CollectionArtifactPaths.Collected, CollectionArtifactPaths.CollectionStatistics];

    public override IReadOnlyList<string> Outputs { get; } =
        [CollectionArtifactPaths.ComplianceFindings, CollectionArtifactPaths.LicenceManifest];

    protected override ComplianceParameters BindParameters(PipelineConfiguration configuration)
    {
        var parameters = configuration.Bind<ComplianceParameters>("compliance");
        parameters.Models = configuration.Bind<Dictionary<string, ModelCatalogEntry>>(ModelCatalogEntry.Section) ?? [];
        var unexplained = parameters.Waivers.FirstOrDefault(waiver => string.IsNullOrWhiteSpace(waiver.Component) || string.IsNullOrWhiteSpace(waiver.Reason));
        if (unexplained is not null)
        {
            throw new PipelineConfigurationException(
                $"{configuration.SourceName}: compliance.waivers has an entry without component or reason ('{unexplained.Component}'); "
                + "every waiver names the component as the licence manifest does and says why the violation is acceptable.");
        }

        return parameters;
    }

    /// <summary>The restore results are read from outside the artifacts: a package update must rerun the check.</summary>
    protected override IReadOnlyDictionary<string, string> ResolveExternalInputs(StageContext context, ComplianceParameters parameters) =>
        parameters.RestoreAssets.ToDictionary(path => "restore " + path, path => ContentHash.OfFile(AssetsFile(context, path)));

    protected override void Run(StageContext context, ComplianceParameters parameters)
    {
        var collectedPath = context.InputPath(CollectionArtifactPaths.Collected);
        CheckMinimisation(collectedPath, parameters);
        var products = ProductTable.Read(context.InputPath(ArtifactPaths.Products));
        var collected = CollectedProductTable.Read(collectedPath);
        var texts = ProductTexts(products, collected);

        var pii = new PiiScanner().Scan(texts);
        var scanner = new SecretScanner(products.Select(p => p.Id).ToHashSet(StringComparer.Ordinal));
        var statistics = CollectionStatisticsTable.Read(context.InputPath(CollectionArtifactPaths.CollectionStatistics));
        var secrets = scanner.Scan([.. texts, new ScannedText("collection", "reason", statistics.Reason)])
            .Concat(ScanFiles(context, scanner, parameters.ScannedFiles))
            .ToList();
        var findings = pii.Findings.Select(f => new ComplianceFindingRow("pii", f.RowId, f.Field, f.Kind.ToString(), f.MaskedExample))
            .Concat(secrets.Select(f => new ComplianceFindingRow("secret", f.Location, f.Field, f.Kind.ToString(), f.Masked)))
            .ToArray();

        var manifest = LicenceManifest.Build(
            parameters.RestoreAssets.Select(path => AssetsFile(context, path)),
            parameters.Models.Select(model => (model.Key, model.Value.Licence, model.Value.Origin)));
        var policy = new PolicyCheck(new PolicyOptions { RedistributesSourceMaterial = parameters.RedistributesSourceMaterial })
            .Evaluate(manifest, parameters.Waivers.Select(waiver => new PolicyWaiver(waiver.Component, waiver.Reason)));
        foreach (var unused in parameters.Waivers.Where(waiver => !policy.Waived.Any(w => w.Violation.Component.Equals(waiver.Component, StringComparison.OrdinalIgnoreCase))))
        {
            context.Log.Warning($"Compliance: the waiver for '{unused.Component}' matches no violation; remove it from compliance.waivers.");
        }

        context.Log.Info($"Compliance: {texts.Count} text fields scanned; {pii.Findings.Count} PII and {secrets.Count} secret finding(s); "
            + $"{manifest.Entries.Count} licence entries, {policy.Waived.Count} waived, {policy.Violations.Count} open.");
        context.PublishMetric("compliance.pii_findings", pii.Findings.Count);
        context.PublishMetric("compliance.secret_findings", secrets.Count);
        context.PublishMetric("compliance.licences", manifest.Entries.Count);
        context.PublishMetric("compliance.waived", policy.Waived.Count);
        context.PublishMetric("compliance.copyleft_components", manifest.Entries.Count(entry => entry.Restrictions.HasFlag(LicenceRestrictions.Copyleft)));
        if (secrets.Count > 0 && parameters.FailOnSecrets)
        {
            throw new InvalidDataException(
                $"Compliance: {secrets.Count} likely secret(s) found (masked): "
                + string.Join("; ", secrets.Take(ListedInErrors).Select(f => $"{f.Location} [{f.Field}] {f.Kind} {f.Masked}"))
                + (secrets.Count > ListedInErrors ? $"; and {secrets.Count - ListedInErrors} more" : "")
                + ". " + SecretAdvice(secrets) + " Nothing is published meanwhile.");
        }

        policy.EnsurePassed();
        ComplianceFindingTable.Write(context.OutputPath(CollectionArtifactPaths.ComplianceFindings), findings);
        LicenceTable.Write(context.OutputPath(CollectionArtifactPaths.LicenceManifest), manifest.Entries.Select(entry =>
        {
            var waiver = policy.Waived.FirstOrDefault(w => w.Violation.Component == entry.Component);
            return new LicenceRow(
                entry.Component, entry.Licence, entry.Obligations, PortableSource(entry.Source),
                waiver is null ? "ok" : "waived", waiver?.Reason ?? "",
                entry.Restrictions.HasFlag(LicenceRestrictions.NoRedistribution),
                entry.Restrictions.HasFlag(LicenceRestrictions.Attribution),
                entry.Restrictions.HasFlag(LicenceRestrictions.Copyleft));
        }).ToArray());
    }

    /// <summary>Every free-text field of the dataset and of the collected products, named by row id and column.</summary>
    private static List<ScannedText> ProductTexts(IReadOnlyList<ProductRow> products, IReadOnlyList<CollectedProductRow> collected)
    {
        var texts = new List<ScannedText>(products.Count * 4 + collected.Count * 3);
        foreach (var product in products)
        {
            texts.Add(new ScannedText(product.Id, "name", product.Name));
            texts.Add(new ScannedText(product.Id, "description", product.Description));
            texts.Add(new ScannedText(product.Id, "category", product.Category));
            texts.Add(new ScannedText(product.Id, "category_path", product.CategoryPath));
        }

        foreach (var product in collected)
        {
            var rowId = $"{product.Source}:{product.FoodId}";
            texts.Add(new ScannedText(rowId, "label", product.Label));
            texts.Add(new ScannedText(rowId, "category", product.Category));
            texts.Add(new ScannedText(rowId, "food_contents_label", product.FoodContentsLabel));
        }

        return texts;
    }

    /// <summary>
    /// "/root/.nuget/packages/pdfsharp/6.2.4/pdfsharp.nuspec" → "pdfsharp/6.2.4/pdfsharp.nuspec": the artifact must not
    /// depend on where this machine keeps its packages.
    /// </summary>
    private static string PortableSource(string source) =>
        Path.IsPathRooted(source) && source.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase)
            ? string.Join('/', source.Replace('\\', '/').Split('/')[^3..])
            : source;

    private static void CheckMinimisation(string collectedPath, ComplianceParameters parameters)
    {
        var stored = ParquetArtifact.Read(collectedPath).Columns.Select(column => column.Name).ToArray();
        var extra = stored.Where(name => !parameters.AllowedCollectedFields.Contains(name)).ToArray();
        if (extra.Length > 0)
        {
            throw new InvalidDataException(
                $"Data minimisation: {CollectionArtifactPaths.Collected} stores column(s) {string.Join(", ", extra)} that "
                + "compliance.allowed_collected_fields does not allow; stop collecting them, or justify and allow them.");
        }
    }

    /// <summary>What to do about the findings: a bare 32-hex value may be an identifier of data this study does not hold, not a key.</summary>
    private static string SecretAdvice(IReadOnlyCollection<SecretFinding> secrets) =>
        secrets.All(f => f.Kind == SecretKind.HexKey32)
            ? "Each is a bare 32-hex value: if it is an identifier (e.g. a product id of another dataset copied into these files), delete the file that holds it; "
              + "if it is an API key (Edamam keys look the same), remove it from its source and revoke it. Then rerun."
            : "Remove each one from its source and revoke the key, then rerun.";

    /// <summary>Scans text files (and the text files of listed folders) for secrets; binary files are skipped.</summary>
    private static IEnumerable<SecretFinding> ScanFiles(StageContext context, SecretScanner scanner, IEnumerable<string> scanned)
    {
        foreach (var relative in scanned)
        {
            // Resolved as artifact paths: data/artifacts/ and reports/ are this dataset's own folders.
            var full = context.Workspace.Resolve(relative);
            IEnumerable<string> files = Directory.Exists(full)
                ? Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                : File.Exists(full) ? [full] : [];
            foreach (var file in files)
            {
                List<SecretFinding> found;
                try
                {
                    if (AtomicFile.IsTemporary(file) || !IsText(file))
                    {
                        continue;
                    }

                    found = [.. scanner.ScanFile(file)];
                }
                catch (FileNotFoundException)
                {
                    // Stages run beside this one: a stage about to rerun deletes its manifest, and atomic writes
                    // rename their temporary file away. A file gone since the listing has nothing left to leak.
                    continue;
                }

                var name = Path.GetRelativePath(context.Workspace.Root, file).Replace('\\', '/');
                foreach (var finding in found)
                {
                    yield return finding with { Location = name };
                }
            }
        }
    }

    /// <summary>A file is scanned as text when its first 8 kB hold no NUL byte and decode as UTF-8.</summary>
    private static bool IsText(string path)
    {
        Span<byte> head = stackalloc byte[8192];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var sample = head[..read];
        if (sample.Contains((byte)0))
        {
            return false;
        }

        // A multi-byte character cut at the 8 kB boundary is not a reason to call the file binary.
        var complete = read == head.Length ? sample[..Math.Max(0, read - 3)] : sample;
        return Utf8.IsValid(complete);
    }

    private static string AssetsFile(StageContext context, string relative)
    {
        var path = Path.GetFullPath(relative, context.Workspace.Root);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"compliance.restore_assets: {relative} does not exist under {context.Workspace.Root}; run `dotnet restore` "
                + "(the licence manifest reads the restored packages from it).", path);
    }
}
