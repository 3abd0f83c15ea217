using PlaceDeMarche.Pipeline.Compliance.Licensing;
using PlaceDeMarche.Pipeline.Compliance.Stages;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Schema.Columns;
using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Compliance.Tests;

/// <summary>The Compliance stage on the committed Flipkart sample (as products.parquet) and hand-made collected products.</summary>
public sealed class ComplianceStageTests : IDisposable
{
    private const string Waiver = """
          waivers:
            - component: xunit.abstractions 2.0.3
              reason: test-only package whose nuspec gives a licence URL; the text there is Apache-2.0
            - component: K4os.Compression.LZ4 1.3.8
              reason: Parquet.Net's dependency, whose nuspec gives a licence URL; the text there is MIT
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("pdm-compliance-stage-").FullName;

    public ComplianceStageTests()
    {
        WriteCollected(
        [
            new("3113934004147", "Canard Duchêne", "en:champagnes", "Pinots et de Chardonnay", null, "openfoodfacts", "ODbL-1.0", null, null, 0, 0),
            new("3114080034057", "Champagne rosé, contact jane.doe@example.com", "en:champagnes", "", null, "openfoodfacts", "ODbL-1.0", null, null, 0, 0),
        ]);
        CollectionStatisticsTable.Write(Path.Combine(_root, CollectionArtifactPaths.CollectionStatistics),
            new CollectionStatisticsRecord("openfoodfacts", "champagne", "complete", "", "", 2, 1, 0, 1, 0, 1, 0, 0, 0, 0));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>The 35 products of the committed sample, optionally with one description modified.</summary>
    private void WriteSampleProducts(Func<ProductRow, ProductRow>? modify = null)
    {
        var rows = FlipkartSample.Products()
            .Select(product => new ProductRow(product.Id, product.Name, product.Description, "category", product.CategoryTree, null, "ok"))
            .Select(row => modify is null ? row : modify(row))
            .ToList();
        ProductTable.Write(Path.Combine(_root, ArtifactPaths.Products), rows);
    }

    private void WriteCollected(IReadOnlyList<CollectedProductRow> rows) =>
        CollectedProductTable.Write(Path.Combine(_root, CollectionArtifactPaths.Collected), rows);

    private StageContext Run(string section, string? restoreAssets = null, bool failOnSecrets = true)
    {
        var stage = new ComplianceStage();
        var assets = restoreAssets ?? FlipkartSample.RepositoryFile("tests", "PlaceDeMarche.Pipeline.Compliance.Tests", "obj", "project.assets.json");
        var configuration = PipelineConfiguration.Parse($"""
            compliance:
              allowed_collected_fields: [{string.Join(", ", CollectedProductTable.ColumnNames)}]
              fail_on_secrets: {(failOnSecrets ? "true" : "false")}
              restore_assets: ["{assets}"]
              scanned_files: [data/cache/]
              redistributes_source_material: false
            {section}
            models:
              minilm:
                licence: Apache-2.0
                origin: "sentence-transformers/all-MiniLM-L6-v2 (model card)"
                files: {"{}"}
            """, "test.yaml");
        var parameters = ((IStage)stage).BindParameters(configuration);
        var context = new StageContext(stage, new Workspace(_root), parameters, new ConsoleLog(TextWriter.Null, TextWriter.Null, quiet: true), CancellationToken.None);
        ((IStage)stage).Run(context);
        return context;
    }

    [Fact]
    public void Clean_sample_passes_lists_pii_of_collected_products_and_shows_no_copyleft_package()
    {
        WriteSampleProducts();

        var context = Run(Waiver);

        var findings = ComplianceFindingTable.Read(Path.Combine(_root, CollectionArtifactPaths.ComplianceFindings));
        var email = Assert.Single(findings);
        Assert.Equal(("pii", "openfoodfacts:3114080034057", "label", "Email", "j***@e***.com"),
            (email.Scan, email.Location, email.Field, email.Kind, email.Masked));
        Assert.Equal(1, (int)context.Metrics["compliance.pii_findings"]!);
        Assert.Equal(0, (int)context.Metrics["compliance.secret_findings"]!);
        var licences = LicenceTable.Read(Path.Combine(_root, CollectionArtifactPaths.LicenceManifest));
        var pdfsharp = Assert.Single(licences, l => l.Component == "PDFsharp 6.2.4");
        Assert.Equal(("MIT", "ok", "", false), (pdfsharp.Licence, pdfsharp.Status, pdfsharp.Note, pdfsharp.Copyleft));
        Assert.Equal("pdfsharp/6.2.4/pdfsharp.nuspec", pdfsharp.Source);
        Assert.DoesNotContain(licences, l => l.Copyleft);
        Assert.Equal(0, (int)context.Metrics["compliance.copyleft_components"]!);
        Assert.Equal("waived", Assert.Single(licences, l => l.Component == "xunit.abstractions 2.0.3").Status);
        Assert.Equal("CC-BY-SA-4.0", Assert.Single(licences, l => l.Component == "Jeu de données produits Flipkart").Licence);
        Assert.True(Assert.Single(licences, l => l.Component == "Photos produits Flipkart").MustNotRedistribute);
        // Each model of the catalog enters with its own licence.
        var minilm = Assert.Single(licences, l => l.Component == "Modèle minilm");
        Assert.Equal(("Apache-2.0", "sentence-transformers/all-MiniLM-L6-v2 (model card)"), (minilm.Licence, minilm.Source));
    }

    [Fact]
    public void A_planted_api_key_in_a_description_fails_the_stage_and_names_where()
    {
        const string Key = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
        string? planted = null;
        WriteSampleProducts(row =>
        {
            if (planted is not null)
            {
                return row;
            }

            planted = row.Id;
            return row with { Description = row.Description + " Debug: app_key=" + Key };
        });

        var failure = Assert.Throws<InvalidDataException>(() => Run(Waiver));

        Assert.Contains($"{planted} [description] CredentialAssignment 0f…(32 chars)", failure.Message);
        Assert.DoesNotContain(Key, failure.Message);
        Assert.False(File.Exists(Path.Combine(_root, CollectionArtifactPaths.ComplianceFindings)));
    }

    [Fact]
    public void Without_failing_on_secrets_the_key_is_recorded_masked()
    {
        WriteSampleProducts(row => row.Id == "55b85ea15a1536d46b7190ad6fff8ce7"
            ? row with { Description = "token: AKIAABCDEFGHIJKLMNOP" }
            : row);

        var context = Run(Waiver, failOnSecrets: false);

        var secret = Assert.Single(ComplianceFindingTable.Read(Path.Combine(_root, CollectionArtifactPaths.ComplianceFindings)), f => f.Scan == "secret");
        Assert.Equal(("55b85ea15a1536d46b7190ad6fff8ce7", "description", "AwsAccessKeyId", "AK…(20 chars)"),
            (secret.Location, secret.Field, secret.Kind, secret.Masked));
        Assert.Equal(1, (int)context.Metrics["compliance.secret_findings"]!);
    }

    [Fact]
    public void A_key_in_a_cached_api_response_is_caught_with_its_line()
    {
        WriteSampleProducts();
        Directory.CreateDirectory(Path.Combine(_root, "data", "cache"));
        File.WriteAllText(Path.Combine(_root, "data", "cache", "page.json"), "{\"count\": 1,\n\"next\": \"/parser?app_id=a1b2c3d4e5&app_key=0f1e2d3c4b5a69788796a5b4c3d2e1f0\"}");

        var failure = Assert.Throws<InvalidDataException>(() => Run(Waiver));

        Assert.Contains("data/cache/page.json [line 2]", failure.Message);
    }

    [Fact]
    public void A_restored_copyleft_package_fails_the_stage_even_when_waived()
    {
        WriteSampleProducts();
        var package = Path.Combine(_root, "packages", "network.copyleft", "2.0.0");
        Directory.CreateDirectory(package);
        File.WriteAllText(Path.Combine(package, "network.copyleft.nuspec"), """
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata><id>Network.Copyleft</id><version>2.0.0</version><license type="expression">AGPL-3.0-only</license></metadata>
            </package>
            """);
        var assets = Path.Combine(_root, "project.assets.json");
        File.WriteAllText(assets, $$$"""
            {"version": 3,
             "libraries": {"Network.Copyleft/2.0.0": {"type": "package", "path": "network.copyleft/2.0.0"}},
             "packageFolders": {"{{{Path.Combine(_root, "packages")}}}/": { } } }
            """);

        var failure = Assert.Throws<PolicyViolationException>(() => Run("""
              waivers:
                - component: Network.Copyleft 2.0.0
                  reason: decided by the lead
            """, assets));

        Assert.Contains("Network.Copyleft 2.0.0 (AGPL-3.0-only): copyleft, and the program is distributed under MIT", failure.Message);
        Assert.False(File.Exists(Path.Combine(_root, CollectionArtifactPaths.LicenceManifest)));
    }

    [Fact]
    public void A_collected_column_outside_the_allow_list_fails_data_minimisation()
    {
        WriteSampleProducts();
        // The check reads the stored columns before the rows, so two columns are enough to show it.
        ParquetArtifact.Write(Path.Combine(_root, CollectionArtifactPaths.Collected),
            [new StringColumn("food_id", ["1"]), new StringColumn("creator_email", ["someone@example.org"])]);

        var failure = Assert.Throws<InvalidDataException>(() => Run(Waiver));

        Assert.Contains("stores column(s) creator_email that compliance.allowed_collected_fields does not allow", failure.Message);
    }
}
