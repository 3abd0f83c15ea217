using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Stages;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Report.Tests.Stages;

public sealed class ManagementSummaryBuilderTests
{
    private static readonly ProductRow[] Products =
    [
        new("p1", "Towel", "soft", "Home", "Home >> Bath", "img/p1.jpg", "ok"),
        new("p2", "Curtain", "red", "Home", "Home >> Curtains", "img/p2.jpg", "ok"),
        new("p3", "Mug", "blue", "Kitchen", "Kitchen >> Mugs", "img/p3.jpg", "missing"),
        new("p4", "Cup", "white", "Kitchen", "Kitchen >> Cups", "img/p4.jpg", "ok"),
    ];

    private static RepresentationScores Scores(string label, string method, double ari, double std = 0.02, double accuracy = 0.834) => new(
        label,
        new ClusterAssignmentTable(["p1", "p2", "p4"], ["Home", "Home", "Kitchen"], [0, 0, 1], [0f, 1f, 5f], [0f, 1f, 5f]),
        new Dictionary<string, double> { ["ari_mean"] = ari, ["ari_std"] = std, ["seeds"] = 10, ["matched_accuracy_mean"] = accuracy })
    {
        Method = method,
    };

    private static RepresentationScores Sift() => Scores("SIFT", "sift", 0.01) with
    {
        Metrics = new Dictionary<string, double> { ["ari_mean"] = 0.01, ["ari_std"] = 0.005, ["seeds"] = 10, ["nmi_mean"] = 0.02, ["silhouette_mean"] = 0.3, ["matched_accuracy_mean"] = 0.2 },
    };

    private static ReportInput Input(double text, double? image = null, double? fusion = null, double? naive = null, IReadOnlyDictionary<string, double>? upstream = null) =>
        new ReportInput(
            new ReportStageParameters(StudyConfiguration.Bind<ReportParameters>("report", r => { r.AriFeasible = 0.5; r.AriPromising = 0.3; }), [], new Dictionary<string, string>()),
            new ArchiveRecord("Flipkart-1050.zip", "Flipkart-1050.zip", "abc", 1000, false, 3),
            Products,
            [Scores("Doc2Vec", "doc2vec", text)],
            [],
            [],
            [],
            [],
            DateTimeOffset.UnixEpoch,
            image is null ? null : new ImageStudyInput([], [], new KeypointTable("", [], [], [], []), null, [Sift(), Scores("CNN", "cnn-mobilenet", image.Value)]))
        {
            FusionScores =
            [
                .. fusion is null ? [] : new[] { Scores("Fusion à parts de variance égales", "equal-share", fusion.Value) },
                .. naive is null ? [] : new[] { Scores("Concaténation brute", "naive-concat", naive.Value) },
            ],
            FusionBlocks = new Dictionary<string, double> { ["text:text.combined"] = 0.5, ["image:image.cnn-mobilenet"] = 0.5 },
            UpstreamMetrics = upstream ?? new Dictionary<string, double>(),
        };

    private static string Text(ReportSection section) => string.Join("\n", section.Blocks.SelectMany(Texts));

    private static IEnumerable<string> Texts(ReportBlock block) => block switch
    {
        Paragraph p => [string.Concat(p.Runs.Select(r => r.Text))],
        Callout c => [c.Title, string.Concat(c.Body.Runs.Select(r => r.Text))],
        BulletList l => l.Items.Select(i => string.Concat(i.Runs.Select(r => r.Text))),
        Table t => t.Rows.SelectMany(r => r).Append(t.Caption ?? ""),
        _ => [],
    };

    [Theory]
    [InlineData(0.20, 0.10, 0.25, FeasibilityLevel.NotShown, "not_shown", "Texte + image")]
    [InlineData(0.45, 0.10, 0.25, FeasibilityLevel.Promising, "promising", "Texte seul")]
    [InlineData(0.45, 0.10, 0.81, FeasibilityLevel.Feasible, "feasible", "Texte + image")]
    [InlineData(0.10, 0.55, 0.20, FeasibilityLevel.Feasible, "feasible", "Image seule")]
    public void The_verdict_is_the_best_approach_against_the_thresholds(double text, double image, double fusion, FeasibilityLevel level, string code, string area)
    {
        var verdict = ManagementSummaryBuilder.Verdict(Input(text, image, fusion));

        Assert.Equal(level, verdict.Level);
        Assert.Equal(code, verdict.Code);
        Assert.Equal(area, verdict.Area);
    }

    [Fact]
    public void Nothing_scored_gives_no_result()
    {
        var input = Input(0.5) with { TextScores = [] };

        Assert.Equal(FeasibilityLevel.NoResult, ManagementSummaryBuilder.Verdict(input).Level);
        Assert.Contains("Pas de résultat", Text(ManagementSummaryBuilder.Build(input)), StringComparison.Ordinal);
    }

    [Fact]
    public void Thresholds_come_from_the_configuration()
    {
        var input = Input(0.45);
        var strict = input with { Parameters = input.Parameters with { Report = StudyConfiguration.Bind<ReportParameters>("report", r => { r.AriFeasible = 0.9; r.AriPromising = 0.6; }) } };

        Assert.Equal(FeasibilityLevel.Promising, ManagementSummaryBuilder.Verdict(input).Level);
        Assert.Equal(FeasibilityLevel.NotShown, ManagementSummaryBuilder.Verdict(strict).Level);
        Assert.Contains("faisable si ARI ≥ 0,90", Text(ManagementSummaryBuilder.Build(strict)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_gives_each_approach_in_french_number_format()
    {
        var section = ManagementSummaryBuilder.Build(Input(0.6936, 0.4512, 0.8123, naive: 0.1));

        var table = section.Blocks.OfType<Table>().Single();
        Assert.Equal(["Texte seul", "Doc2Vec", "0,694 ± 0,020", "83,4 %", "faisable", "3"], table.Rows[0]);
        Assert.Equal(["Image seule", "CNN", "0,451 ± 0,020", "83,4 %", "prometteur", "3"], table.Rows[1]);
        Assert.Equal("Texte + image", table.Rows[2][0]);
        Assert.Equal(2, table.HighlightedRow);
        Assert.Contains("soit environ 8 sur 10", Text(section), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_image_study_is_said_not_run()
    {
        var table = ManagementSummaryBuilder.Build(Input(0.6)).Blocks.OfType<Table>().Single();

        Assert.Equal(["Image seule", "non exécuté", "—", "—", "—", "—"], table.Rows[1]);
        Assert.Equal(0, table.HighlightedRow);
    }

    [Theory]
    [InlineData(0.70, 0.30, "cette normalisation est indispensable")]
    [InlineData(0.70, 0.69, "la normalisation change peu ici")]
    public void The_naive_concatenation_sentence_follows_the_gap(double equalShare, double naive, string expected)
    {
        var text = Text(ManagementSummaryBuilder.Build(Input(0.6, 0.4, equalShare, naive)));

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.60, 0.40, 0.80, "Les combiner améliore le meilleur des deux de 0,200 (au-delà de la variation entre graines)")]
    [InlineData(0.60, 0.40, 0.61, "Les combiner améliore le meilleur des deux de 0,010 (dans la limite de la variation entre graines)")]
    [InlineData(0.60, 0.40, 0.50, "Les combiner n'améliore pas le meilleur des deux (-0,100)")]
    [InlineData(0.30, 0.40, 0.50, "Le texte seul (0,300) est devancé par l'image seule (0,400)")]
    public void Text_image_and_fusion_are_compared_from_the_numbers(double text, double image, double fusion, string expected)
    {
        Assert.Contains(expected, Text(ManagementSummaryBuilder.Build(Input(text, image, fusion))), StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_count_the_representations_and_agree_in_number()
    {
        var text = Text(ManagementSummaryBuilder.Build(Input(0.6, 0.4, 0.7)));

        Assert.Contains("le meilleur de 4 représentations évaluées", text, StringComparison.Ordinal);
        Assert.Contains("1 produit n'a pas de photo exploitable : il est exclu", text, StringComparison.Ordinal);
        Assert.Contains("4 produits, 2 catégories de premier niveau", text, StringComparison.Ordinal);
        Assert.Contains("(text.combined, image.cnn-mobilenet)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_cites_a_supervised_classifier_when_one_was_measured()
    {
        var without = Text(ManagementSummaryBuilder.Build(Input(0.6)));
        var with = Text(ManagementSummaryBuilder.Build(Input(0.6, upstream: new Dictionary<string, double>
        {
            ["supervised.text.cv_accuracy_mean"] = 0.9312,
            ["supervised.image.cv_accuracy_mean"] = 0.5,
            ["supervised.best.test_accuracy"] = 0.94,
            ["text.best.ari_mean"] = 0.6,
        })));

        Assert.Contains("l'étape suivante est un classifieur supervisé", without, StringComparison.Ordinal);
        Assert.Contains("nomme la bonne catégorie pour 93,1 % des produits en validation croisée avec le modèle texte (texte : 93,1 %, image : 50,0 %), et 94,0 % des produits mis de côté", with, StringComparison.Ordinal);
        Assert.DoesNotContain("supervised.", with, StringComparison.Ordinal);
        Assert.DoesNotContain("text.best", with, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_page_comes_before_the_contents()
    {
        var document = FeasibilityReportBuilder.Build(Input(0.6, 0.4, 0.7));

        Assert.Equal(ManagementSummaryBuilder.Heading, document.Preface.Single().Heading);
        Assert.DoesNotContain(document.Sections, s => s.Heading == ManagementSummaryBuilder.Heading);
    }
}
