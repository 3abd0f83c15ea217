using System.IO.Compression;
using PlaceDeMarche.Pipeline.Compliance.Pii;
using PlaceDeMarche.Pipeline.Compliance.Scanning;
using PlaceDeMarche.Pipeline.Compliance.Secrets;
using PlaceDeMarche.Pipeline.Dataset.Csv;

namespace PlaceDeMarche.Pipeline.Compliance.Tests;

/// <summary>The committed Flipkart sample is real product text: a useful false-positive check for both scanners.</summary>
public sealed class FlipkartSampleScanTests
{
    private static List<ScannedText> SampleTexts()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "data", "sample", "flipkart-sample.zip")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        using var archive = ZipFile.OpenRead(Path.Combine(directory.FullName, "data", "sample", "flipkart-sample.zip"));
        var entry = archive.Entries.Single(candidate => candidate.FullName.EndsWith(".csv", StringComparison.Ordinal));
        using var csv = new CsvReader(new StreamReader(entry.Open()), entry.FullName);
        var columns = csv.Header.Select((name, index) => (name, index)).ToDictionary(column => column.name, column => column.index);
        var texts = new List<ScannedText>();
        while (csv.Read())
        {
            var rowId = csv[columns["uniq_id"]];
            texts.Add(new ScannedText(rowId, "product_name", csv[columns["product_name"]]));
            texts.Add(new ScannedText(rowId, "description", csv[columns["description"]]));
        }

        return texts;
    }

    [Fact]
    public void Sample_product_text_holds_no_personal_data_or_secrets()
    {
        var texts = SampleTexts();

        var pii = new PiiScanner().Scan(texts);
        var secrets = new SecretScanner().Scan(texts);

        Assert.Equal(70, texts.Count);
        Assert.True(pii.IsClean, string.Join(Environment.NewLine, pii.Findings));
        Assert.Empty(secrets);
    }
}
