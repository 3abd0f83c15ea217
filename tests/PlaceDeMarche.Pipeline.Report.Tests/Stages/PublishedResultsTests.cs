using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Stages;

namespace PlaceDeMarche.Pipeline.Report.Tests.Stages;

public sealed class PublishedResultsTests
{
    [Theory]
    [InlineData(0.001, "sous la fourchette publiée pour SIFT (0,003 à 0,17)")]
    [InlineData(0.040, "dans la fourchette publiée pour SIFT (0,003 à 0,17)")]
    [InlineData(0.300, "au-dessus de la fourchette publiée pour SIFT (0,003 à 0,17)")]
    public void Where_a_score_stands_against_a_published_range_follows_the_score(double ari, string expected) =>
        Assert.Equal(expected, PublishedResults.Sift.Standing(ari, "SIFT"));

    [Theory]
    [InlineData(0.60, "en dessous du meilleur résultat (0,638)")]
    [InlineData(0.70, "au niveau du meilleur résultat (0,638) ou au-dessus")]
    public void A_single_published_figure_is_compared_as_a_figure(double ari, string expected) =>
        Assert.Equal(expected, PublishedResults.Cnn.Standing(ari, "meilleur résultat"));

    [Fact]
    public void Every_quoted_figure_has_its_source_in_the_appendix_table()
    {
        var table = PublishedResults.Table();

        Assert.Equal(PublishedResults.All.Count, table.Rows.Count);
        Assert.All(table.Rows, row => Assert.False(string.IsNullOrWhiteSpace(row[3])));
        Assert.All(PublishedResults.Table("Texte").Rows, row => Assert.Equal("Texte", row[0]));
    }

    [Theory]
    [InlineData(0.04, "restent sous le seuil « prometteur » (0,30), près du hasard (ARI 0)")]
    [InlineData(0.35, "dépassent le seuil « prometteur » (0,30) sans atteindre celui de faisabilité")]
    [InlineData(0.55, "atteignent le seuil de faisabilité (0,50)")]
    public void The_sift_reading_is_computed_from_the_score(double ari, string expected)
    {
        var reading = ImageSectionBuilder.SiftReading(ari, new ReportParameters());

        Assert.Contains(expected, reading, StringComparison.Ordinal);
        Assert.Equal(ari < 0.3, reading.Contains("ne suffisent pas", StringComparison.Ordinal));
    }
}
