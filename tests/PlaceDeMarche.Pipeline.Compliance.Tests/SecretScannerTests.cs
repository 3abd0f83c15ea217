using PlaceDeMarche.Pipeline.Compliance.Secrets;

namespace PlaceDeMarche.Pipeline.Compliance.Tests;

public sealed class SecretScannerTests
{
    private const string EdamamLikeKey = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private readonly SecretScanner _scanner = new();

    [Theory]
    [InlineData("Elegant flutes for champagne. app_key=" + EdamamLikeKey, SecretKind.CredentialAssignment, "0f…(32 chars)")]
    [InlineData("Elegant flutes, ref " + EdamamLikeKey + ". Pack of 6", SecretKind.HexKey32, "0f…(32 chars)")]
    [InlineData("creds: AKIAIOSFODNN7EXAMPLE", SecretKind.AwsAccessKeyId, "AK…(20 chars)")]
    [InlineData("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", SecretKind.CredentialAssignment, "wJ…(40 chars)")]
    [InlineData("curl https://api.example.org/v1?token=abc123def456", SecretKind.CredentialAssignment, "ab…(12 chars)")]
    [InlineData("export KEY=s3cr3t-v4lue-42", SecretKind.CredentialAssignment, "s3…(15 chars)")]
    [InlineData("session 7Hq2LmZ9xPv4Rt8Wk3Nc6Yb1Ds5Fg0Ja in the notes", SecretKind.HighEntropyToken, "7H…(32 chars)")]
    public void Catches_planted_keys_and_masks_them(string text, SecretKind kind, string masked)
    {
        var finding = Assert.Single(_scanner.ScanText("row-3", "description", text));
        Assert.Equal((kind, masked), (finding.Kind, finding.Masked));
    }

    [Theory]
    // Content hashes in URLs and file names share the shape of an Edamam key, but are not secrets.
    [InlineData("https://www.edamam.com/food-img/a71/a718cf3c52add522128929f1f324d2ab.jpg")]
    [InlineData("image 55b85ea15a1536d46b7190ad6fff8ce7.jpg of the product")]
    [InlineData("password: ******** (placeholder), token = <your token>, api_key=YOUR_KEY_HERE")]
    [InlineData("Supercalifragilisticexpialidocious-Collection-Edition-2016 cotton")]
    [InlineData("Key Features of Alisha Solid Women's Cycling Shorts Cotton Lycra Navy, Red, Navy")]
    public void Ignores_look_alikes(string text) => Assert.Empty(_scanner.ScanText("row", "description", text));

    [Theory]
    // By hand: "aabb" has two symbols at 1/2 → 1 bit; "abcd" four at 1/4 → 2 bits; 32 distinct characters → 5 bits.
    [InlineData("aabb", 1.0)]
    [InlineData("abcd", 2.0)]
    [InlineData("7Hq2LmZ9xPv4Rt8Wk3Nc6Yb1Ds5Fg0Ja", 5.0)]
    // python3: -sum(p*log2(p)) over the character frequencies of "hello world" = 2.8453509366224368
    [InlineData("hello world", 2.8453509366224368)]
    public void Shannon_entropy_matches_hand_values(string token, double bits) =>
        Assert.Equal(bits, SecretScanner.ShannonEntropy(token), 12);

    [Fact]
    public void File_findings_name_the_line_and_never_hold_the_secret()
    {
        var path = Path.Combine(Path.GetTempPath(), "pdm-secrets-" + Guid.NewGuid().ToString("N") + ".env");
        File.WriteAllLines(path, ["# collection settings", "EDAMAM_APP_ID=a1b2c3d4", "EDAMAM_APP_KEY=" + EdamamLikeKey]);
        try
        {
            var finding = Assert.Single(_scanner.ScanFile(path));

            Assert.Equal((path, "line 3", SecretKind.CredentialAssignment), (finding.Location, finding.Field, finding.Kind));
            Assert.DoesNotContain(EdamamLikeKey, finding.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Known_identifiers_are_data_but_the_same_shape_elsewhere_is_still_caught()
    {
        const string ProductId = "55b85ea15a1536d46b7190ad6fff8ce7";
        var scanner = new SecretScanner(new HashSet<string> { ProductId });

        Assert.Empty(scanner.ScanText("manifest", "line 39", $"{{ \"id\": \"{ProductId}\", \"reason\": \"missing\" }}"));
        Assert.Equal(SecretKind.HexKey32, Assert.Single(scanner.ScanText("manifest", "line 40", $"\"id\": \"{EdamamLikeKey}\"")).Kind);
        Assert.Equal(SecretKind.CredentialAssignment, Assert.Single(scanner.ScanText("log", "line 1", $"app_key={ProductId}")).Kind);
    }
}
