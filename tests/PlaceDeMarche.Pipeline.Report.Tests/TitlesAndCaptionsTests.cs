using PlaceDeMarche.Pipeline.Report.Document;

namespace PlaceDeMarche.Pipeline.Report.Tests;

/// <summary>What a reader must be able to read whole: chart titles and the captions repeated over a long table.</summary>
public sealed class TitlesAndCaptionsTests
{
    [Fact]
    public void A_chart_title_longer_than_its_panel_wraps_instead_of_being_cut()
    {
        const string title = "CNN préentraîné (MobileNetV2) : vraies catégories des mille quarante-sept photos de produits sur la carte t-SNE";
        using var pdf = RenderedPdf.Render(new ReportDocument("Titres", SampleReports.StudyDate,
            [new ReportSection("Images", [new ScatterPlot(title, [0, 1, 2], [0, 1, 0], [0, 1, 0], ["Montres", "Cuisine"])])]));

        var texts = pdf.TextsOf(2);
        Assert.DoesNotContain(texts, text => text.Contains('…', StringComparison.Ordinal));
        Assert.Equal(title, string.Join(' ', texts.SkipWhile(t => !t.StartsWith("CNN", StringComparison.Ordinal)).Take(2)));
    }

    [Fact]
    public void A_long_caption_repeated_over_the_following_pages_keeps_its_title_whole()
    {
        const string caption = "Manifeste des licences : sources de données, modèles et paquets NuGet (licences lues dans les paquets restaurés, obligations de chacun)";
        var rows = Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string>)[$"Paquet {i}", "MIT", "conserver la mention de licence"]).ToArray();
        using var pdf = RenderedPdf.Render(new ReportDocument("Légendes", SampleReports.StudyDate,
            [new ReportSection("Licences", [new Table(["Composant", "Licence", "Obligations"], rows) { Caption = caption }])])
        {
            Labels = ReportLabels.French,
        });

        var continued = Enumerable.Range(3, pdf.PageCount - 3).SelectMany(pdf.TextsOf).Where(t => t.Contains("(suite)", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(continued);
        Assert.All(continued, text => Assert.Equal("Manifeste des licences (suite)", text));
    }

    [Fact]
    public void A_long_caption_whose_title_ends_at_a_comma_is_repeated_whole_up_to_the_comma()
    {
        const string caption = "Hyper-paramètres des MLP choisis par la validation interne de chaque pli externe, et l'époque gardée par l'arrêt précoce";
        var rows = Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string>)[$"Modèle {i}", "64", "0,5"]).ToArray();
        using var pdf = RenderedPdf.Render(new ReportDocument("Légendes", SampleReports.StudyDate,
            [new ReportSection("MLP", [new Table(["Modèle", "Couche", "Dropout"], rows) { Caption = caption }])])
        {
            Labels = ReportLabels.French,
        });

        var continued = Enumerable.Range(3, pdf.PageCount - 3).SelectMany(pdf.TextsOf).Where(t => t.Contains("(suite)", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(continued);
        Assert.All(continued, text => Assert.Equal("Hyper-paramètres des MLP choisis par la validation interne de chaque pli externe (suite)", text));
    }

    [Fact]
    public void The_summary_for_management_starts_on_the_first_page_under_the_title()
    {
        using var pdf = RenderedPdf.Render(new ReportDocument("Étude de faisabilité", SampleReports.StudyDate,
            [new ReportSection("Texte", [new Paragraph("Détails.")])])
        {
            Labels = ReportLabels.French,
            Preface = [new ReportSection("Synthèse pour la direction", [new Paragraph("Oui : les produits peuvent être regroupés.")])],
        });

        Assert.Contains("Étude de faisabilité", pdf.TextsOf(0));
        Assert.Contains("Synthèse pour la direction", pdf.TextsOf(0));
        Assert.Contains("Sommaire", pdf.TextsOf(1));
    }

    [Fact]
    public void An_image_grid_caption_stays_on_the_page_of_the_grid_last_row_wherever_the_grid_starts()
    {
        // The grid's start is moved down line by line, so some start leaves room for the last row but not its caption.
        var pushedCaptions = 0;
        for (var fillerLines = 0; fillerLines < 60; fillerLines += 2)
        {
            var filler = Enumerable.Range(0, fillerLines).Select(i => (ReportBlock)new Paragraph($"Ligne de remplissage {i}.")).ToList();
            var grid = new ImageGrid(Enumerable.Range(0, 8).Select(i => new ImageBlock(SampleReports.Gradient(64, 64), 64, 64, $"Vignette {i}")).ToArray())
            {
                Columns = 4,
                Caption = "Produits mal classés, avec leur vraie catégorie",
            };
            using var pdf = RenderedPdf.Render(new ReportDocument("Grille", SampleReports.StudyDate,
                [new ReportSection("Images", [.. filler, new Paragraph("Avant la grille."), grid])]));

            var captionPage = pdf.PageContaining("Produits mal classés");
            Assert.Equal(pdf.PageShowing("Vignette 7"), captionPage);
            if (captionPage > pdf.PageShowing("Avant la grille."))
            {
                pushedCaptions++;
            }
        }

        Assert.True(pushedCaptions > 0, "no start position pushed the grid over a page break: the test checks nothing");
    }

    [Fact]
    public void Tables_are_numbered_in_one_sequence_from_the_summary_on_and_an_uncaptioned_table_gets_no_bare_number()
    {
        static Table Small(string? caption) => new(["Approche", "ARI"], [["Texte", "0,694"]]) { Caption = caption };
        using var pdf = RenderedPdf.Render(new ReportDocument("Étude", SampleReports.StudyDate,
            [new ReportSection("Texte", [Small("Scores du texte"), Small(null), Small("Scores des images")])])
        {
            Labels = ReportLabels.French,
            Preface = [new ReportSection("Synthèse pour la direction", [Small("Meilleure méthode de chaque approche")])],
        });

        var labels = Enumerable.Range(0, pdf.PageCount).SelectMany(pdf.TextsOf).Where(t => t.StartsWith("Tableau", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["Tableau 1.", "Tableau 2.", "Tableau 3."], labels.Select(l => l.Trim()).ToArray());
        Assert.Equal(pdf.PageShowing("Meilleure méthode de chaque approche"), pdf.PageContaining("Tableau 1."));
    }
}
