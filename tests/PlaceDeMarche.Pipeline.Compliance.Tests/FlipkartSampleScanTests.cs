using PlaceDeMarche.Pipeline.Compliance.Pii;
using PlaceDeMarche.Pipeline.Compliance.Scanning;
using PlaceDeMarche.Pipeline.Compliance.Secrets;

namespace PlaceDeMarche.Pipeline.Compliance.Tests;

/// <summary>The committed Flipkart sample is real product text: a useful false-positive check for both scanners.</summary>
public sealed class FlipkartSampleScanTests
{
    private static List<ScannedText> SampleTexts() =>
        FlipkartSample.Products()
            .SelectMany(product => new[]
            {
                new ScannedText(product.Id, "product_name", product.Name),
                new ScannedText(product.Id, "description", product.Description),
            })
            .ToList();

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
