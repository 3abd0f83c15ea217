using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Stages;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Report.Tests.Stages;

public sealed class TextSectionBuilderTests
{
    private static readonly string[] Categories = ["Home", "Kitchen", "Watches"];

    // Six products: clusters 0/1/2 match Home/Kitchen/Watches except two Kitchen products put with the Home cluster.
    private static readonly ClusterAssignmentTable Assignments = new(
        ["a", "b", "c", "d", "e", "f"],
        ["Home", "Home", "Kitchen", "Kitchen", "Kitchen", "Watches"],
        [0, 0, 0, 0, 1, 2],
        [0f, 1f, 2f, 3f, 4f, 5f],
        [0f, 1f, 2f, 3f, 4f, 5f]);

    [Fact]
    public void TheTableShowsMeansOverSeedsAndTheTimeOfEachMethod()
    {
        var section = Build(Scores(0.64, 0.41), out _);

        var table = section.Blocks.OfType<Table>().First();
        Assert.Equal(["Représentation", "ARI moyen ± σ", "NMI", "Homog.", "Compl.", "Silh.", "ARI sans t-SNE", "Temps (s)"], table.Headers);
        Assert.Equal(["Doc2Vec", "0,640 ± 0,020", "0,700", "0,710", "0,690", "0,550", "0,300", "12,5"], table.Rows[0]);
        Assert.Equal(0, table.HighlightedRow);
    }

    [Fact]
    public void TheConclusionIsDrawnFromTheScores()
    {
        Build(Scores(0.64, 0.41), out var conclusion);

        Assert.Contains("meilleure représentation est Doc2Vec", conclusion);
        Assert.Contains("ARI moyen de 0,640", conclusion);
        Assert.Contains("devant TF-IDF (0,410)", conclusion);
        Assert.Contains("au-dessus de la fourchette publiée pour les méthodes classiques", conclusion);
        Assert.Contains("au-dessus du seuil de faisabilité", conclusion);
        Assert.Contains("envoie 2 produits « Kitchen » dans le groupe « Home »", conclusion);
    }

    [Theory]
    [InlineData(0.72, "au niveau du meilleur résultat publié")]
    [InlineData(0.55, "dans la fourchette publiée")]
    public void TheConclusionPlacesTheResultAmongPublishedFigures(double ari, string expected)
    {
        Build(Scores(ari, 0.2), out var conclusion);

        Assert.Contains(expected, conclusion);
    }

    [Fact]
    public void BelowTheThresholdsTheConclusionSaysSo()
    {
        Build(Scores(0.25, 0.2), out var conclusion);

        Assert.Contains("sous le seuil « prometteur »", conclusion);
    }

    [Fact]
    public void ATopicShowsAsManyOfItsRankedTermsAsTheReportAsks()
    {
        var terms = new TopicTermTable([0, 0, 0, 1, 1, 1], [2, 0, 1, 0, 1, 2], ["mug", "towel", "bath", "cup", "plate", "knife"], [0.1f, 0.9f, 0.5f, 0.8f, 0.4f, 0.2f]);
        var model = new TopicModelSummary("NMF", "TF-IDF", terms, new Dictionary<string, double> { ["argmax_ari"] = 0.5 });
        var scores = Scores(0.6, 0.4);

        var section = TextSectionBuilder.Build(scores, [model], scores[0], Categories,
            StudyConfiguration.Bind<ReportParameters>("report", r => r.TopicTerms = 2));

        var table = section.Blocks.OfType<Table>().Single(t => t.Headers[0] == "Thème NMF");
        Assert.Equal([["1", "towel, bath"], ["2", "cup, plate"]], table.Rows.Select(r => r.ToArray()).ToArray());
    }

    private static ReportSection Build(IReadOnlyList<RepresentationScores> scores, out string conclusion)
    {
        var section = TextSectionBuilder.Build(scores, [], RepresentationScores.Best(scores)!, Categories, StudyConfiguration.Bind<ReportParameters>("report"));
        conclusion = string.Concat(section.Blocks.OfType<Paragraph>().Last().Runs.Select(r => r.Text));
        return section;
    }

    private static RepresentationScores[] Scores(double best, double other) =>
    [
        new("Doc2Vec", Assignments, Metrics(best)) { Method = "doc2vec", Seconds = 12.5 },
        new("TF-IDF", Assignments, Metrics(other)) { Method = "tfidf", Seconds = 3 },
    ];

    private static Dictionary<string, double> Metrics(double ari) => new()
    {
        ["ari_mean"] = ari, ["ari_std"] = 0.02, ["seeds"] = 10, ["nmi_mean"] = 0.7, ["homogeneity_mean"] = 0.71,
        ["completeness_mean"] = 0.69, ["silhouette_mean"] = 0.55, ["feature_space_ari_mean"] = 0.3,
    };
}
