using System.Text;
using PlaceDeMarche.Pipeline.Dataset.Csv;
using PlaceDeMarche.Pipeline.Dataset.Products;

namespace PlaceDeMarche.Pipeline.Dataset.Tests.Products;

public sealed class FlipkartCatalogTests : IDisposable
{
    // The 15 columns of flipkart_com-ecommerce_sample_1050.csv, in the real order.
    private const string Header =
        "uniq_id,crawl_timestamp,product_url,product_name,product_category_tree,pid,retail_price,discounted_price,"
        + "image,is_FK_Advantage_product,description,product_rating,overall_rating,brand,product_specifications";

    private static readonly byte[] JpegBytes = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00];
    private static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string ImagesDirectory => _directory.Combine("Flipkart", "Images");

    [Fact]
    public void Reads_products_with_categories_and_image_statuses()
    {
        Directory.CreateDirectory(ImagesDirectory);
        File.WriteAllBytes(Path.Combine(ImagesDirectory, "p1.jpg"), JpegBytes);
        File.WriteAllBytes(Path.Combine(ImagesDirectory, "p2.jpg"), PngBytes);
        File.WriteAllBytes(Path.Combine(ImagesDirectory, "p4.jpg"), []);
        File.WriteAllText(Path.Combine(ImagesDirectory, "p5.jpg"), "<html>Not found</html>");
        Directory.CreateDirectory(Path.Combine(ImagesDirectory, "p6.jpg"));
        var csv = Csv(
            Row("p1", "[\"Home Furnishing >> Curtains & Accessories >> Curtains >> Blue Door Curtai...\"]",
                "Key Features of Blue Door Curtain,\r\nSpecifications: \"\"Pack of 2\"\"", brand: "Elegance"),
            Row("p2", "[\"Watches >> Wrist Watches >> Sonata Wrist Watches\"]"),
            Row("p3", "[\"Baby Care >> Baby Bath & Skin\"]"),
            Row("p4", "[\"Watches >> Clocks\"]"),
            Row("p5", "[\"Computers >> Laptop Accessories\"]"),
            Row("p6", "[\"Kitchen & Dining >> Cookware\"]"),
            Row("p7", "[\"Baby Care >> Diapering\"]", image: ""));

        var catalog = Read(csv);

        Assert.Equal(["p1", "p2", "p3", "p4", "p5", "p6", "p7"], catalog.Products.Select(product => product.UniqId));
        Assert.Equal(
            [ImageStatus.Ok, ImageStatus.Ok, ImageStatus.Missing, ImageStatus.Empty, ImageStatus.NotAnImage,
             ImageStatus.Unreadable, ImageStatus.Missing],
            catalog.Products.Select(product => product.ImageStatus));
        Assert.Equal(
            ["Baby Care", "Computers", "Home Furnishing", "Kitchen & Dining", "Watches"], catalog.Categories);

        var first = catalog.Products[0];
        Assert.Equal("Home Furnishing", first.Category);
        Assert.Equal(4, first.CategoryPath.Count);
        Assert.Equal("Product p1", first.ProductName);
        Assert.Equal("Key Features of Blue Door Curtain,\r\nSpecifications: \"Pack of 2\"", first.Description);
        Assert.Equal("Elegance", first.Brand);
        Assert.Equal(Path.Combine(ImagesDirectory, "p1.jpg"), first.ImagePath);
        Assert.Equal((1L, 2L), (first.RecordNumber, first.LineNumber));
        Assert.Equal((2L, 4L), (catalog.Products[1].RecordNumber, catalog.Products[1].LineNumber));
        Assert.Equal(("", null), (catalog.Products[6].ImageFileName, catalog.Products[6].ImagePath));
    }

    [Fact]
    public void Loads_an_extracted_dataset_folder()
    {
        Directory.CreateDirectory(ImagesDirectory);
        File.WriteAllBytes(Path.Combine(ImagesDirectory, "p1.jpg"), JpegBytes);
        File.WriteAllText(
            _directory.Combine(FlipkartCatalog.CsvRelativePath),
            Csv(Row("p1", "[\"Watches >> Wrist Watches\"]")),
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var catalog = FlipkartCatalog.LoadExtracted(_directory.Path);

        Assert.Equal(_directory.Combine(FlipkartCatalog.CsvRelativePath), catalog.SourceName);
        Assert.Equal(ImageStatus.Ok, Assert.Single(catalog.Products).ImageStatus);
    }

    [Fact]
    public void A_missing_csv_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => FlipkartCatalog.LoadExtracted(_directory.Path));

        Assert.Contains("flipkart_com-ecommerce_sample_1050.csv", error.Message);
    }

    [Fact]
    public void A_duplicate_id_names_both_records()
    {
        var csv = Csv(
            Row("p1", "[\"Watches >> Wrist Watches\"]"),
            Row("p2", "[\"Watches >> Clocks\"]"),
            Row("p1", "[\"Computers >> Laptops\"]"));

        var error = Assert.Throws<CsvFormatException>(() => Read(csv));

        Assert.Equal((3L, 4L, "uniq_id"), (error.RecordNumber, error.LineNumber, error.ColumnName));
        Assert.Contains("'p1' already appears in record 1 (line 2)", error.Message);
    }

    [Theory]
    [InlineData("[]", "is empty")]
    [InlineData("", "is empty")]
    [InlineData("[\"Watches >> Clocks", "unbalanced")]
    public void An_unparseable_category_tree_names_the_row(string tree, string reason)
    {
        var csv = Csv(Row("p1", "[\"Watches >> Clocks\"]"), Row("p2", tree));

        var error = Assert.Throws<CsvFormatException>(() => Read(csv));

        Assert.Equal((2L, 3L, 5, "product_category_tree"), (error.RecordNumber, error.LineNumber, error.Column, error.ColumnName));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void An_empty_id_is_an_error()
    {
        var error = Assert.Throws<CsvFormatException>(() => Read(Csv(Row(" ", "[\"Watches\"]"))));

        Assert.Equal((1L, "uniq_id"), (error.RecordNumber, error.ColumnName));
    }

    [Theory]
    [InlineData("../secret.jpg")]
    [InlineData(@"sub\p1.jpg")]
    [InlineData("..")]
    public void An_image_name_with_a_path_is_refused(string image)
    {
        var error = Assert.Throws<CsvFormatException>(() => Read(Csv(Row("p1", "[\"Watches\"]", image: image))));

        Assert.Equal("image", error.ColumnName);
        Assert.Contains("plain file name", error.Message);
    }

    [Fact]
    public void A_missing_required_column_is_named()
    {
        using var csv = new CsvReader(new StringReader("uniq_id,product_name,description\np1,n,d\n"), "short.csv");

        var error = Assert.Throws<CsvFormatException>(() => FlipkartCatalog.Read(csv, ImagesDirectory));

        Assert.Contains("required column 'brand' is missing", error.Message);
    }

    private FlipkartCatalog Read(string text)
    {
        using var csv = new CsvReader(new StringReader(text), "sample.csv");
        return FlipkartCatalog.Read(csv, ImagesDirectory);
    }

    private static string Csv(params string[] rows) => Header + "\r\n" + string.Join("\r\n", rows) + "\r\n";

    /// <summary>A row shaped like the real ones; <paramref name="description"/> is raw CSV content (quotes doubled).</summary>
    private static string Row(
        string uniqId, string tree, string description = "Plain description", string brand = "", string? image = null)
    {
        static string Quote(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";
        return string.Join(',',
            uniqId,
            "2016-04-30 03:22:56 +0000",
            $"http://www.flipkart.com/item/p/{uniqId}",
            $"Product {uniqId}",
            Quote(tree),
            $"PID{uniqId}",
            "1899.0",
            "899.0",
            image ?? uniqId + ".jpg",
            "False",
            "\"" + description + "\"",
            "No rating available",
            "No rating available",
            brand,
            Quote("{\"product_specification\"=>[{\"key\"=>\"Brand\", \"value\"=>\"X\"}]}"));
    }
}
