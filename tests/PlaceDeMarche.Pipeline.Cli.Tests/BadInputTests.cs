using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PlaceDeMarche.Pipeline.Cli.Tests;

/// <summary>
/// Bad inputs end the run with a one-line error and a non-zero exit code, and leave no artifact that could be
/// mistaken for a valid cache.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly StudyWorkspace study = new();

    public void Dispose() => study.Dispose();

    [Fact]
    public void ZipEntryEscapingTheTargetFolderIsRefused()
    {
        var archive = WriteZip("evil.zip", ("../../escape.txt", "gotcha"), ("Flipkart/a.csv", "uniq_id\n"));

        Assert.Equal(1, study.Run("run", "--dataset", archive));

        AssertOneLineError("escape.txt");
        Assert.False(File.Exists(Path.Combine(study.Root, "..", "escape.txt")));
        Assert.False(File.Exists(Path.Combine(study.Root, "data", "escape.txt")));
        AssertNoArtifactOf("Download", "data/artifacts/download/dataset");
    }

    [Fact]
    public void TruncatedZipIsReportedAsCorrupt()
    {
        var sample = File.ReadAllBytes(study.PathOf("data/sample/flipkart-sample.zip"));
        var archive = study.PathOf("truncated.zip");
        File.WriteAllBytes(archive, sample[..(sample.Length / 2)]);

        Assert.Equal(1, study.Run("run", "--dataset", archive));

        AssertOneLineError("truncated.zip");
        AssertNoArtifactOf("Download", "data/artifacts/download/dataset");
    }

    [Fact]
    public void CsvWithABrokenQuotedFieldNamesTheFileAndLine()
    {
        const string header = "uniq_id,product_name,brand,product_category_tree,image,description\n";
        const string good = "a1,Towel,Acme,\"[\"\"Home Furnishing >> Bath\"\"]\",a1.jpg,\"soft, white\"\n";
        const string broken = "a2,Mug,Acme,\"[\"\"Kitchen & Dining >> Mugs\"\"]\",a2.jpg,\"never closed\n";
        var archive = WriteZip("broken.zip", ("Flipkart/products.csv", header + good + broken));

        Assert.Equal(1, study.Run("run", "--dataset", archive));

        AssertOneLineError("products.csv");
        Assert.True(study.Error.Contains("line 3", StringComparison.Ordinal), study.Error);
        AssertNoArtifactOf("Ingest", "data/artifacts/ingest/products.parquet");
    }

    [Fact]
    public void UnreachableUrlSaysHowToUseALocalCopy()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}/dataset.zip";

        Assert.Equal(1, study.Run("run", "--dataset", url));

        AssertOneLineError("--dataset=");
        AssertNoArtifactOf("Download", "data/artifacts/download/dataset");
        Assert.Empty(Directory.Exists(study.PathOf("data/downloads")) ? Directory.GetFiles(study.PathOf("data/downloads")) : []);
    }

    private void AssertOneLineError(string mentioning)
    {
        var lines = study.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(mentioning, lines[0]);
    }

    private void AssertNoArtifactOf(string stage, string artifact)
    {
        Assert.False(File.Exists(study.PathOf($"data/artifacts/.manifests/{stage}.json")));
        Assert.False(File.Exists(study.PathOf(artifact)) || Directory.Exists(study.PathOf(artifact)));
        Assert.False(File.Exists(study.PathOf("reports/feasibility-report.pdf")));
        var leftovers = Directory.Exists(study.PathOf("data"))
            ? Directory.EnumerateFileSystemEntries(study.PathOf("data"), "*.tmp*", SearchOption.AllDirectories).ToArray()
            : [];
        Assert.Empty(leftovers);
    }

    private string WriteZip(string name, params (string Entry, string Content)[] entries)
    {
        var path = study.PathOf(name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var stream = zip.CreateEntry(entry).Open();
            stream.Write(Encoding.UTF8.GetBytes(content));
        }

        return path;
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
