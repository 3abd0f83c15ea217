using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering;
using PlaceDeMarche.Pipeline.Report.Stages;

namespace PlaceDeMarche.Pipeline.Report.Tests.Stages;

public sealed class CollectionSectionBuilderTests
{
    private static readonly LicenceRow[] Licences =
    [
        new("Flipkart product dataset", "CC-BY-SA-4.0", "attribute the dataset", "https://creativecommons.org/licenses/by-sa/4.0/", "ok", "", false, true, false),
        new("Flipkart product photos", "Flipkart/seller rights reserved", "research use only", "photos belong to Flipkart", "ok", "", true, false, false),
        new("PDFsharp 6.2.4", "MIT", "keep the licence notice", "/nuget/pdfsharp/6.2.4/pdfsharp.nuspec", "ok", "", false, true, false),
        new("xunit.abstractions 2.0.3", "https://raw.githubusercontent.com/xunit/xunit/master/license.txt", "keep the licence notice",
            "/nuget/xunit.abstractions/2.0.3/xunit.abstractions.nuspec", "waived", "test-only, Apache-2.0 per the linked file", false, true, false),
    ];

    private static CollectionReportInput Input(
        string status, string code, IReadOnlyList<CollectedProductRow> products, int httpStatus = 0, long retryAfterSeconds = 0) => new(
        new CollectionStatisticsRecord("openfoodfacts", "champagne", status, "technical detail in English", code,
            products.Count, products.Count > 0 ? 1 : 0, 0, 3, 0, 1, 0, 0, httpStatus, retryAfterSeconds),
        products,
        products.Select(_ => (byte[]?)null).ToArray(),
        [new ComplianceFindingRow("pii", "openfoodfacts:311", "label", "Email", "j***@e***.com")],
        Licences);

    private static IEnumerable<string> Texts(ReportSection section) =>
        section.Subsections.SelectMany(s => s.Blocks).SelectMany(block => block switch
        {
            Paragraph p => p.Runs.Select(r => r.Text),
            Callout c => c.Body.Runs.Select(r => r.Text).Prepend(c.Title),
            BulletList l => l.Items.SelectMany(i => i.Runs).Select(r => r.Text),
            Table t => t.Rows.SelectMany(r => r),
            KeyValueTable k => k.Entries.Select(e => e.Key + " = " + e.Value),
            _ => [],
        });

    [Fact]
    public void Not_collected_says_why_in_french_and_how_to_retry()
    {
        var section = CollectionSectionBuilder.Build(Input("not collected", CollectionReasonCodes.BodyTruncated, []));

        var callout = section.Subsections[0].Blocks.OfType<Callout>().Single();
        Assert.Equal("Collecte non effectuée", callout.Title);
        Assert.StartsWith("Réponse tronquée : la connexion a été coupée avant la fin annoncée. L'étude s'est poursuivie", callout.Body.Runs[0].Text);
        Assert.Contains("--target=Collect --force", callout.Body.Runs[0].Text);
        Assert.DoesNotContain(section.Subsections[0].Blocks, block => block is Table);
        Assert.DoesNotContain(Texts(section), text => text.Contains("technical detail", StringComparison.Ordinal));
        Assert.Contains("Statut = non effectuée", Texts(section));
    }

    [Theory]
    [InlineData(CollectionReasonCodes.RetryAfter, 503, 86400, "L'API demande de réessayer après 24 h")]
    [InlineData(CollectionReasonCodes.RetryAfter, 429, 45, "L'API demande de réessayer après 45 s")]
    [InlineData(CollectionReasonCodes.RetryAfter, 503, 172800, "L'API demande de réessayer après 2 jours")]
    [InlineData(CollectionReasonCodes.HttpStatus, 503, 0, "L'API a répondu par l'erreur HTTP 503")]
    [InlineData(CollectionReasonCodes.DnsFailure, 0, 0, "Le nom du serveur de l'API ne se résout pas (DNS)")]
    [InlineData("some_future_code", 0, 0, "Raison « some_future_code » (détail dans collect/requests.parquet)")]
    public void Reason_codes_read_in_french_with_their_numbers(string code, int httpStatus, long retryAfterSeconds, string expected)
    {
        var section = CollectionSectionBuilder.Build(Input("not collected", code, [], httpStatus, retryAfterSeconds));

        Assert.StartsWith(expected, section.Subsections[0].Blocks.OfType<Callout>().Single().Body.Runs[0].Text);
    }

    [Fact]
    public void A_complete_collection_stopped_by_a_limit_says_so_in_french()
    {
        var product = new CollectedProductRow("3113934004147", "Canard Duchêne", "en:champagnes", "Pinots", null, "openfoodfacts", "ODbL-1.0", null, null, 0, 0);

        var texts = Texts(CollectionSectionBuilder.Build(Input("complete", CollectionReasonCodes.PageLimit, [product]))).ToArray();

        Assert.Contains("Remarque = Arrêt à la limite de 1 page", texts);
        Assert.Contains("Statut = complète", texts);
    }

    [Fact]
    public void Lists_products_findings_obligations_and_waivers()
    {
        var product = new CollectedProductRow("3113934004147", "Canard Duchêne", "en:champagnes", "Pinots", null, "openfoodfacts", "ODbL-1.0", null, null, 0, 0);

        var texts = Texts(CollectionSectionBuilder.Build(Input("complete", "", [product]))).ToArray();

        Assert.Contains("Canard Duchêne", texts);
        Assert.Contains("Requêtes réseau (reprises comprises) = 3", texts);
        Assert.Contains("j***@e***.com", texts);
        Assert.Contains("Flipkart product dataset (CC-BY-SA-4.0) : attribute the dataset.", texts);
        Assert.Contains("Flipkart product photos : research use only.", texts);
        Assert.Contains("test-only, Apache-2.0 per the linked file", texts);
        Assert.Contains("conforme", texts);
        Assert.Contains("dérogation", texts);
        Assert.DoesNotContain("ok", texts);
        Assert.DoesNotContain("waived", texts);
        Assert.Contains("Aucun des 2 paquets NuGet livrés n'est sous licence copyleft : le projet est publié sous licence MIT.", texts);
    }

    [Fact]
    public void A_copyleft_row_of_the_manifest_is_named_as_incompatible()
    {
        var input = Input("complete", "", []) with
        {
            Licences = [.. Licences, new("Some.Gpl 1.0.0", "GPL-3.0-only", "copyleft", "/nuget/some.gpl/1.0.0/some.gpl.nuspec", "violation", "", false, false, true)],
        };

        var texts = Texts(CollectionSectionBuilder.Build(input)).ToArray();

        Assert.Contains("Sous licence copyleft, incompatible avec la licence MIT du projet : Some.Gpl 1.0.0 (GPL-3.0-only).", texts);
    }

    [Fact]
    public void Downloaded_thumbnails_become_an_image_grid_that_renders()
    {
        var product = new CollectedProductRow("3113934004147", "Canard Duchêne", "en:champagnes", "", "https://images.example/1.jpg",
            "openfoodfacts", "ODbL-1.0", "data/artifacts/collect/images/000-3113934004147.jpg", "data/artifacts/collect/images/000-3113934004147.thumb.rgb", 4, 3);
        var input = Input("complete", "", [product]) with { Thumbnails = [new byte[4 * 3 * 3]] };

        var section = CollectionSectionBuilder.Build(input);
        using var pdf = new MemoryStream();
        new PdfReportRenderer().Render(new ReportDocument("Titre", DateTimeOffset.UnixEpoch, [section]), pdf);

        var grid = section.Subsections[0].Blocks.OfType<ImageGrid>().Single();
        Assert.Equal((4, 3, "Canard Duchêne"), (grid.Images[0].Width, grid.Images[0].Height, grid.Images[0].Caption));
        Assert.True(pdf.Length > 1000);
    }

    [Fact]
    public void The_audit_refuses_a_report_holding_a_key_but_not_a_known_product_id()
    {
        const string ProductId = "55b85ea15a1536d46b7190ad6fff8ce7";
        static ReportDocument Document(string text) =>
            new("Titre", DateTimeOffset.UnixEpoch, [new ReportSection("S", [new Table(["Produit"], [[text]])])]);

        ReportSecretAudit.EnsureClean(Document(ProductId), new HashSet<string> { ProductId });
        ReportSecretAudit.EnsureClean(Document($"Les points SIFT du produit {ProductId}, sur la photo prétraitée."), new HashSet<string> { ProductId });
        Assert.Throws<InvalidDataException>(() => ReportSecretAudit.EnsureClean(Document($"du produit {ProductId}"), new HashSet<string>()));
        var failure = Assert.Throws<InvalidDataException>(() =>
            ReportSecretAudit.EnsureClean(Document("app_key=0f1e2d3c4b5a69788796a5b4c3d2e1f0"), new HashSet<string> { ProductId }));

        Assert.Contains("CredentialAssignment 0f…(32 chars)", failure.Message);
        Assert.DoesNotContain("0f1e2d3c4b5a69788796a5b4c3d2e1f0", failure.Message);
    }
}
