using PlaceDeMarche.Pipeline.Core.Artifacts;

namespace PlaceDeMarche.Pipeline.Core.Tests.Artifacts;

public sealed class WorkspaceTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "pdm-display-path");

    [Theory]
    [InlineData("data/artifacts/text/tfidf.parquet", "data/datasets/flipkart-1050/artifacts/text/tfidf.parquet")]
    [InlineData("data/artifacts/collect/images/", "data/datasets/flipkart-1050/artifacts/collect/images/")]
    [InlineData("reports/feasibility-report.pdf", "reports/flipkart-1050/feasibility-report.pdf")]
    [InlineData("data/cache/images/", "data/cache/images/")]
    public void ADeclaredPathIsShownWhereTheDatasetWorkspaceReallyKeepsIt(string declared, string shown) =>
        Assert.Equal(shown, new Workspace(Root, "flipkart-1050").DisplayPath(declared));

    [Fact]
    public void WithoutADatasetTheDeclaredPathIsTheRealOne() =>
        Assert.Equal("data/artifacts/text/tfidf.parquet", new Workspace(Root).DisplayPath("data/artifacts/text/tfidf.parquet"));
}
