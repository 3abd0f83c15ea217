using PlaceDeMarche.Pipeline.Core.Artifacts;

namespace PlaceDeMarche.Pipeline.Cli.Tests;

public sealed class DatasetSelectionTests : IDisposable
{
    private const string Official = "https://example.org/courses/Dataset%20projet.zip";

    private readonly string root = Directory.CreateTempSubdirectory("pdm-dataset-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Theory]
    [InlineData("sample", "sample")]
    [InlineData("SAMPLE", "sample")]
    [InlineData("/data/Flipkart-1050.zip", "flipkart-1050")]
    [InlineData("../shared/data/My Products (2026).zip", "my-products--2026")]
    [InlineData(Official, "official")]
    [InlineData("https://mirror.example/files/flipkart.zip?token=1", "flipkart")]
    [InlineData("/data/sample.zip", "dataset")]
    public void TheIdNamesTheDatasetSafelyForAFolder(string source, string id) =>
        Assert.Equal(id, DatasetSelection.IdOf(source, Official));

    [Fact]
    public void TheDatasetOfTheLastRunIsRememberedWhenNoneIsGiven()
    {
        var workspace = new Workspace(root);
        Assert.Equal((Official, "official", false), Parts(DatasetSelection.Choose(null, workspace, Official)));

        DatasetSelection.Choose("/data/Flipkart-1050.zip", workspace, Official).Remember(workspace);

        Assert.Equal(("/data/Flipkart-1050.zip", "flipkart-1050", true), Parts(DatasetSelection.Choose(null, workspace, Official)));
        Assert.Equal(("sample", "sample", false), Parts(DatasetSelection.Choose("sample", workspace, Official)));
    }

    [Fact]
    public void TheSummaryShowsAUrlWithoutCredentialsOrQuery() =>
        Assert.Equal(
            "https://mirror.example/files/flipkart.zip",
            DatasetSelection.Choose("https://user:secret@mirror.example/files/flipkart.zip?token=abc", new Workspace(root), Official).PublicSource);

    [Fact]
    public void EachDatasetHasItsOwnArtifactsAndReportsWhileCachesAreShared()
    {
        var flipkart = new Workspace(root, "flipkart-1050");
        var sample = flipkart.ForDataset("sample");

        Assert.Equal(Path.Combine(root, "data", "datasets", "flipkart-1050", "artifacts", "text", "tfidf.parquet"), flipkart.Resolve("data/artifacts/text/tfidf.parquet"));
        Assert.Equal(Path.Combine(root, "data", "datasets", "sample", "artifacts", ".manifests"), sample.Resolve("data/artifacts/.manifests/"));
        Assert.Equal(Path.Combine(root, "reports", "sample", "feasibility-report.pdf"), sample.Resolve("reports/feasibility-report.pdf"));
        Assert.Equal(Path.Combine(root, "data", "cache", "images"), sample.Resolve("data/cache/images/"));
        Assert.Equal(Path.Combine(root, "data", "artifacts-old", "x"), sample.Resolve("data/artifacts-old/x"));
        Assert.Equal(Path.Combine(root, "reports"), sample.SharedReportsDirectory);
        Assert.Throws<ArgumentException>(() => new Workspace(root, "../escape"));
    }

    [Fact]
    public void TheCommitIsReadFromTheCheckoutsGitFiles()
    {
        var commit = new string('a', 40);
        Directory.CreateDirectory(Path.Combine(root, ".git", "refs", "heads"));
        File.WriteAllText(Path.Combine(root, ".git", "HEAD"), "ref: refs/heads/main\n");
        Assert.Null(GitCommit.Of(root));

        File.WriteAllText(Path.Combine(root, ".git", "packed-refs"), $"# pack-refs with: peeled\n{commit} refs/heads/main\n");
        Assert.Equal(commit, GitCommit.Of(root));

        var loose = new string('b', 40);
        File.WriteAllText(Path.Combine(root, ".git", "refs", "heads", "main"), loose + "\n");
        Assert.Equal(loose, GitCommit.Of(root));
        Assert.Null(GitCommit.Of(Path.Combine(root, "elsewhere")));
    }

    private static (string, string, bool) Parts(DatasetSelection selection) => (selection.Source, selection.Id, selection.Remembered);
}
