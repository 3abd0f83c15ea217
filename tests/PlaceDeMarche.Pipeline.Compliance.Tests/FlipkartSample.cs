using System.IO.Compression;
using PlaceDeMarche.Pipeline.Dataset.Csv;

namespace PlaceDeMarche.Pipeline.Compliance.Tests;

/// <summary>The committed Flipkart sample (35 real products): the realistic text the scanners and the stage are tested on.</summary>
internal static class FlipkartSample
{
    /// <summary>A path below the repository root (the folder holding the solution).</summary>
    public static string RepositoryFile(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PlaceDeMarche.Pipeline.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine([directory.FullName, .. parts]);
    }

    /// <summary>Id, name, description and category tree of each product, in CSV order.</summary>
    public static List<(string Id, string Name, string Description, string CategoryTree)> Products()
    {
        using var archive = ZipFile.OpenRead(RepositoryFile("data", "sample", "flipkart-sample.zip"));
        var entry = archive.Entries.Single(candidate => candidate.FullName.EndsWith(".csv", StringComparison.Ordinal));
        using var csv = new CsvReader(new StreamReader(entry.Open()), entry.FullName);
        var columns = csv.Header.Select((name, index) => (name, index)).ToDictionary(column => column.name, column => column.index);
        var products = new List<(string, string, string, string)>();
        while (csv.Read())
        {
            products.Add((csv[columns["uniq_id"]], csv[columns["product_name"]], csv[columns["description"]], csv[columns["product_category_tree"]]));
        }

        return products;
    }
}
