using PlaceDeMarche.Pipeline.Compliance.Pii;
using PlaceDeMarche.Pipeline.Compliance.Scanning;

namespace PlaceDeMarche.Pipeline.Compliance.Tests;

public sealed class PiiScannerTests
{
    private readonly PiiScanner _scanner = new();

    private PiiFinding Single(string text) => Assert.Single(_scanner.ScanText("row-7", "description", text));

    [Theory]
    // Masks worked out by hand: e-mail keeps first letters and TLD; phones keep the last two digits;
    // addresses and names keep the first character of each word.
    [InlineData("Write to jane.doe@example.com for returns.", PiiKind.Email, "j***@e***.com")]
    [InlineData("Seller: +91 98765 43210", PiiKind.Phone, "+** ***** ***10")]
    [InlineData("Service client +33 6 12 34 56 78", PiiKind.Phone, "+** * ** ** ** 78")]
    [InlineData("Appelez le 06 12 34 56 78 !", PiiKind.Phone, "** ** ** ** 78")]
    [InlineData("Call 9876543210 for bulk orders", PiiKind.Phone, "********10")]
    [InlineData("Mobile no. 09876543210", PiiKind.Phone, "*********10")]
    [InlineData("Contact: 022-23456789", PiiKind.Phone, "***-******89")]
    [InlineData("Ship to PIN: 560 001 only", PiiKind.PostalAddress, "PIN: *** *01")]
    [InlineData("Warehouse, Mumbai - 400001", PiiKind.PostalAddress, "Mumbai - ****01")]
    [InlineData("Shop at 12 MG Road, Bengaluru", PiiKind.PostalAddress, "1*** M*** R***")]
    [InlineData("Retour au 12 rue de la Paix, Paris", PiiKind.PostalAddress, "1*** r*** d*** l*** P***")]
    [InlineData("Designed by Mr. Rahul Sharma in 2015", PiiKind.PersonName, "M*** R*** S***")]
    [InlineData("Avis de Mme Dupont", PiiKind.PersonName, "M*** D***")]
    public void Finds_and_masks_personal_data(string text, PiiKind kind, string masked)
    {
        var finding = Single(text);
        Assert.Equal((kind, masked, "row-7", "description"), (finding.Kind, finding.MaskedExample, finding.RowId, finding.Field));
    }

    [Theory]
    // Realistic product text: prices, sizes, model numbers, barcodes, years, wattages, bare ids.
    [InlineData("Buy Elegance Polyester Multicolor Abstract Eyelet Door Curtain for Rs. 1,299 at Flipkart.com.")]
    [InlineData("Dimensions: 45 cm x 30 cm x 12 cm, Weight: 1.25 kg, Pack of 2")]
    [InlineData("Model Number: SM-G9600 | Model ID 9876543210 | Part No. 0123-4567-89")]
    [InlineData("EAN 8901234567890, HSN 61091000, capacity 10000 mAh, 1200 W, 230 V")]
    [InlineData("Price: Rs. 12,499.00 (MRP Rs. 15,999), 30 Day Replacement, 1 Year Warranty")]
    [InlineData("Sizes 28, 30, 32, 34, 36 - Cotton - Regular Fit - 2016-2017 collection")]
    [InlineData("Set of 6 place mats, 12 x 18 inches; dishwasher safe")]
    [InlineData("Key Features of Cotton Kurta: Size M. Cotton blend, Call it casual")]
    public void Ignores_product_text(string text) => Assert.Empty(_scanner.ScanText("row", "description", text));

    [Fact]
    public void A_brand_after_an_honorific_is_flagged_as_a_name_known_limitation() =>
        Assert.Equal(PiiKind.PersonName, Single("Dr. Scholls insoles, gel comfort").Kind);

    [Fact]
    public void Report_counts_each_kind_over_rows()
    {
        var report = _scanner.Scan(
        [
            new ScannedText("1", "description", "Mail a@b.io or b@c.fr, call +44 20 7946 0958"),
            new ScannedText("2", "name", "Cotton shirt, Rs. 499"),
            new ScannedText("3", "description", "Mrs. Priya Nair, 221B Baker Street"),
        ]);

        Assert.False(report.IsClean);
        Assert.Equal(2, report.CountsByKind[PiiKind.Email]);
        Assert.Equal(1, report.CountsByKind[PiiKind.Phone]);
        Assert.Equal(1, report.CountsByKind[PiiKind.PostalAddress]);
        Assert.Equal(1, report.CountsByKind[PiiKind.PersonName]);
        Assert.Equal(["1", "1", "1", "3", "3"], report.Findings.Select(finding => finding.RowId));
    }
}
