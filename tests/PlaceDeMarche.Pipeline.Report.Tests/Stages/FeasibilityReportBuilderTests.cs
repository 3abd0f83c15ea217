using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Stages;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Report.Tests.Stages;

public sealed class FeasibilityReportBuilderTests
{
    [Theory]
    [InlineData(0.62, "Oui : les produits peuvent être regroupés automatiquement par catégorie", CalloutTone.Positive)]
    [InlineData(0.50, "Oui : les produits peuvent être regroupés automatiquement par catégorie", CalloutTone.Positive)]
    [InlineData(0.35, "En partie : un signal net, pas encore un regroupement fiable", CalloutTone.Caution)]
    [InlineData(0.10, "Pas démontré : les groupes trouvés ne suivent pas assez les catégories", CalloutTone.Negative)]
    public void VerdictFollowsTheThresholdsFixedInTheConfiguration(double ari, string title, CalloutTone tone)
    {
        var document = FeasibilityReportBuilder.Build(Input(ari, isSample: false));

        var verdict = document.Preface.Single().Blocks.OfType<Callout>().First();
        Assert.Equal(title, verdict.Title);
        Assert.Equal(tone, verdict.Tone);
        Assert.Contains(verdict.Body.Runs, run => run.Text.Contains($"ARI moyen de {ari:F3}".Replace('.', ','), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(165.23, 1, "165,2")]
    [InlineData(12345.678, 2, "12\u202F345,68")]
    [InlineData(-0.0451, 3, "-0,045")]
    [InlineData(1047, 0, "1\u202F047")]
    public void NumbersAreWrittenTheFrenchWay(double value, int digits, string expected) =>
        Assert.Equal(expected, FeasibilityReportBuilder.Number(value, digits));

    [Fact]
    public void TheArchiveSizeAndFileCountAreInFrenchNotation()
    {
        var input = Input(0.6, isSample: false) with { Archive = new ArchiveRecord("flipkart", "Flipkart-1050.zip", "abc", 173_253_222, false, 1048) };

        var source = FeasibilityReportBuilder.Build(input).Sections.Single(s => s.Heading == "Données").Blocks.OfType<Paragraph>()
            .Select(p => string.Concat(p.Runs.Select(r => r.Text))).Single(t => t.StartsWith("Source", StringComparison.Ordinal));
        Assert.Contains("(165,2 Mio, 1\u202F048 fichiers)", source, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTableSaysWhatItShows()
    {
        var document = FeasibilityReportBuilder.Build(Input(0.6, isSample: false));

        var blocks = document.Preface.Concat(document.Sections).SelectMany(s => s.Blocks).ToArray();
        Assert.All(blocks.OfType<Table>(), table => Assert.False(string.IsNullOrWhiteSpace(table.Caption), $"a table headed {string.Join(" | ", table.Headers)} has no caption"));
        Assert.All(blocks.OfType<KeyValueTable>(), table => Assert.False(string.IsNullOrWhiteSpace(table.Caption), "a key-value table has no caption"));
    }

    [Fact]
    public void SampleRunsSayTheyProveNothing()
    {
        var document = FeasibilityReportBuilder.Build(Input(0.7, isSample: true));

        Assert.True(document.IsSampleData);
        Assert.EndsWith("(échantillon)", document.Title);
        Assert.Contains(document.Preface.Single().Blocks.OfType<Callout>(), c => c.Title == "Échantillon");
    }

    [Fact]
    public void ProductsWithoutUsablePhotoAreListed()
    {
        var document = FeasibilityReportBuilder.Build(Input(0.4, isSample: false));

        var table = document.Sections.Single(s => s.Heading == "Données").Blocks.OfType<Table>().Single();
        Assert.Equal([["p3", "Mug", "Kitchen", "photo absente de l'archive"]], table.Rows.Select(r => r.ToArray()).ToArray());
    }

    [Fact]
    public void The_data_section_counts_the_photos_the_decoder_refused_too()
    {
        // p3's photo was missing at ingest; p2's was found but the decoder refused it (ingest only checks magic bytes).
        var index = new[]
        {
            new ImageIndexRow("p1", "Home", "aa", ImageIndexRow.Usable, "", 10, 10, "k1", 0, 10),
            new ImageIndexRow("p2", "Home", "bb", ImageIndexRow.Unusable, "truncated JPEG: data ends before the image is complete", 0, 0, "", 0, 0),
            new ImageIndexRow("p3", "Kitchen", "", ImageIndexRow.Unusable, "missing", 0, 0, "", 0, 0),
        };
        var input = Input(0.4, isSample: false);
        var images = new ImageStudyInput(index, [], new KeypointTable("p1", [], [], [], []), null, [input.TextScores[0] with { Label = "SIFT" }]);

        var document = FeasibilityReportBuilder.Build(input with { Images = images });

        var data = document.Sections.Single(s => s.Heading == "Données").Blocks;
        Assert.Contains(data.OfType<Paragraph>(), p => p.Runs[0].Text.StartsWith("2 produits sans photo exploitable : ils restent", StringComparison.Ordinal));
        Assert.Equal(
            [["p2", "Curtain", "Home", "fichier tronqué"], ["p3", "Mug", "Kitchen", "photo absente de l'archive"]],
            data.OfType<Table>().Single().Rows.Select(r => r.ToArray()).ToArray());
    }

    [Fact]
    public void ClusterMapIsColouredByTheMatchedCategory()
    {
        var document = FeasibilityReportBuilder.Build(Input(0.4, isSample: false));

        var grids = document.Sections.Single(s => s.Heading == "Texte").Blocks.OfType<PlotGrid>().ToArray();
        var truth = grids[0].Plots[0];
        var clusters = grids[1].Plots[0];
        // Cluster 5 holds p1 and p2 (Home), cluster 9 holds p3 (Kitchen): the matched colours equal the true ones.
        Assert.Equal([0, 0, 1], truth.Categories);
        Assert.Equal(truth.Categories, clusters.Categories);
        Assert.Equal(truth.CategoryNames, clusters.CategoryNames);
    }

    [Fact]
    public void TopicsListTheirTermsInRankOrder()
    {
        var document = FeasibilityReportBuilder.Build(Input(0.4, isSample: false));

        var topics = document.Sections.Single(s => s.Heading == "Texte").Blocks.OfType<Table>().Single(t => t.Headers[0] == "Thème NMF");
        Assert.Equal([["1", "towel, curtain"], ["2", "mug"]], topics.Rows.Select(r => r.ToArray()).ToArray());
    }

    [Fact]
    public void AMethodThatDidNotRunGetsARowSayingWhyAndCannotBeTheBest()
    {
        var tfidf = Input(0.4, isSample: false).TextScores[0];
        var notRun = new RepresentationScores("Transformer (ONNX)", new ClusterAssignmentTable([], [], [], [], []), new Dictionary<string, double>())
        {
            NotRunNote = "non exécuté : aucun modèle fourni",
        };

        var document = FeasibilityReportBuilder.Build(Input(0.4, isSample: false) with { TextScores = [notRun, tfidf] });

        var text = document.Sections.Single(s => s.Heading == "Texte");
        var scores = text.Blocks.OfType<Table>().First();
        Assert.Equal(["Transformer (ONNX)", "non exécuté : aucun modèle fourni", "—", "—", "—", "—", "—", "—"], scores.Rows[0]);
        Assert.Equal("TF-IDF", scores.Rows[1][0]);
        Assert.Equal(1, scores.HighlightedRow);
        Assert.Single(text.Blocks.OfType<PlotGrid>().First().Plots);
        Assert.Contains(document.Preface.Single().Blocks.OfType<Callout>().First().Body.Runs, run => run.Text.Contains(": TF-IDF)", StringComparison.Ordinal));
    }

    [Fact]
    public void EachTopicModelHasItsTableWithItsStrongestTopicAgreement()
    {
        var document = FeasibilityReportBuilder.Build(Input(0.4, isSample: false));

        var tables = document.Sections.Single(s => s.Heading == "Texte").Blocks.OfType<Table>().Where(t => t.Headers[0].StartsWith("Thème ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["Thème NMF", "Thème LDA"], tables.Select(t => t.Headers[0]));
        Assert.Equal([["1", "soap, bath"], ["2", "cup"]], tables[1].Rows.Select(r => r.ToArray()).ToArray());
        Assert.Contains("ARI de 0,250", tables[0].Caption!, StringComparison.Ordinal);
        Assert.Contains("par LDA dans le sac de mots", tables[1].Caption!, StringComparison.Ordinal);
        Assert.Contains("ARI de 0,125", tables[1].Caption!, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAppendixGivesTheReasonForEachParameter()
    {
        var document = FeasibilityReportBuilder.Build(Input(0.4, isSample: false));

        var parameters = document.Sections.Last().Blocks.OfType<Table>().Single();
        Assert.Equal(["seed", "42", "fixed before any run"], parameters.Rows.Single());
    }

    [Fact]
    public void TheAppendixSaysWhereTheNumericsRanInFrench()
    {
        var onCpu = FeasibilityReportBuilder.Build(Input(0.4, isSample: false) with { NumericsBackends = [new("cpu", "SIMD")] });
        var onAccelerator = FeasibilityReportBuilder.Build(Input(0.4, isSample: false) with { NumericsBackends = [new("ilgpu-cpu", "CPUAccelerator")] });
        var unrecorded = FeasibilityReportBuilder.Build(Input(0.4, isSample: false));
        var both = FeasibilityReportBuilder.Build(Input(0.4, isSample: false) with
        {
            NumericsBackends = [new("cpu", "SIMD"), new("ilgpu-cuda", "RTX")],
        });

        Assert.Contains("(ACP, t-SNE, KMeans) ont tourné sur le processeur, en code vectorisé (SIMD). Le réglage", AppendixText(onCpu));
        Assert.Contains("ont tourné avec les noyaux ILGPU sur l'accélérateur processeur d'ILGPU, faute de carte graphique", AppendixText(onAccelerator));
        Assert.DoesNotContain("calculs numériques", AppendixText(unrecorded));
        Assert.Contains(
            "ont tourné à 2 endroits selon les étapes : sur le processeur, en code vectorisé (SIMD) ; sur la carte graphique CUDA « RTX », avec les noyaux ILGPU. Le réglage",
            AppendixText(both));
    }

    private static string AppendixText(ReportDocument document) =>
        string.Join("\n", document.Sections.Last().Blocks.OfType<Paragraph>().Select(p => string.Concat(p.Runs.Select(r => r.Text))));

    private static ReportInput Input(double ari, bool isSample)
    {
        var products = new[]
        {
            new ProductRow("p1", "Towel", "soft", "Home", "Home >> Bath", "img/p1.jpg", "ok"),
            new ProductRow("p2", "Curtain", "red", "Home", "Home >> Curtains", "img/p2.jpg", "ok"),
            new ProductRow("p3", "Mug", "blue", "Kitchen", "Kitchen >> Mugs", "img/p3.jpg", "missing"),
        };
        var assignments = new ClusterAssignmentTable(["p1", "p2", "p3"], ["Home", "Home", "Kitchen"], [5, 5, 9], [0f, 1f, 5f], [0f, 1f, 5f]);
        var metrics = new Dictionary<string, double>
        {
            ["ari_first_seed"] = ari, ["ari_mean"] = ari, ["ari_std"] = 0, ["seeds"] = 1, ["nmi_mean"] = 0.5, ["silhouette_mean"] = 0.4,
            ["matched_accuracy_mean"] = 1, ["feature_space_ari_mean"] = 0.3,
        };
        return new ReportInput(
            new ReportStageParameters(StudyConfiguration.Bind<ReportParameters>("report"), [new("seed", "42")], new Dictionary<string, string> { ["seed"] = "fixed before any run" }),
            new ArchiveRecord("sample", "flipkart-sample.zip", "abc", 1000, isSample, 3),
            products,
            [new RepresentationScores("TF-IDF", assignments, metrics)],
            [
                new TopicModelSummary("NMF", "TF-IDF", new TopicTermTable([0, 0, 1], [0, 1, 0], ["towel", "curtain", "mug"], [0.9f, 0.5f, 0.8f]), new Dictionary<string, double> { ["argmax_ari"] = 0.25 }),
                // Rows deliberately out of rank order: the table must sort them.
                new TopicModelSummary("LDA", "sac de mots", new TopicTermTable([1, 0, 0], [0, 1, 0], ["cup", "bath", "soap"], [0.7f, 0.2f, 0.6f]), new Dictionary<string, double> { ["argmax_ari"] = 0.125 }),
            ],
            [new StageTiming("Ingest", 0.5, DateTimeOffset.UnixEpoch)],
            [new("archive", "abc")],
            [new(".NET", "10")],
            DateTimeOffset.UnixEpoch);
    }
}
