using PlaceDeMarche.Pipeline.Dataset.Products;
using PlaceDeMarche.Pipeline.Text.Cleaning;

namespace PlaceDeMarche.Pipeline.Benchmarks;

/// <summary>Input files shared by the benchmarks, with errors that say which argument to fix.</summary>
internal static class BenchmarkInputs
{
    /// <summary>The *.jpg files of <paramref name="directory"/> in ordinal order (the reference scripts glob the same set).</summary>
    public static string[] JpegFiles(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Images directory not found: {Path.GetFullPath(directory)} (run benchmarks/prepare-data.sh first).");
        }

        var files = Directory.GetFiles(directory, "*.jpg");
        Array.Sort(files, StringComparer.Ordinal);
        if (files.Length == 0)
        {
            throw new FileNotFoundException($"No *.jpg file in {Path.GetFullPath(directory)}.");
        }

        return files;
    }

    /// <summary>Cleaned name + description tokens of each product in <paramref name="csvPath"/>, and its top-level category index.</summary>
    public static (string[][] Tokens, int[] Categories) CleanedProducts(string csvPath)
    {
        var imagesDirectory = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(csvPath)) ?? ".", "Images");
        var catalog = FlipkartCatalog.Load(csvPath, imagesDirectory);
        var cleaner = new TextCleaner();
        var documents = cleaner.CleanAll(catalog.Products.Select(p => $"{p.ProductName}\n{p.Description}").ToArray());
        var categoryIndex = catalog.Categories.Select((name, index) => (name, index)).ToDictionary(pair => pair.name, pair => pair.index, StringComparer.Ordinal);
        return (documents.Select(d => d.Tokens).ToArray(), catalog.Products.Select(p => categoryIndex[p.Category]).ToArray());
    }
}
