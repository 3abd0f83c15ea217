using PlaceDeMarche.Pipeline.Imaging.Tests;

namespace PlaceDeMarche.Pipeline.Cli.Tests;

/// <summary><c>predict</c> on products outside the dataset, with the model the sample study trained.</summary>
public sealed class PredictCommandTests : IDisposable
{
    private readonly StudyWorkspace study = new();

    public void Dispose() => study.Dispose();

    [Fact]
    public void ClassifiesANewProductAndRefusesBadInputsInOneLine()
    {
        Assert.Equal(0, study.Run("run", "--target", "Supervised", "--dataset", "sample"));
        var photo = study.PathOf("new-product.jpg");
        File.WriteAllBytes(photo, UniformJpegWriter.Write(120, 90));
        var notAPhoto = study.PathOf("notes.jpg");
        File.WriteAllText(notAPhoto, "not a photo");

        Assert.Equal(0, study.Run("predict", "--image", photo, "--text", "Elegant analog wrist watch for men, stainless steel dial, leather strap"));
        var lines = study.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("category: ", lines[0]);
        Assert.Equal("top 3:", lines[1]);
        Assert.Equal(3, lines.Skip(2).Count(l => l.StartsWith("  ", StringComparison.Ordinal)));
        // The category printed first is the top of the list, with the same probability.
        Assert.Contains(lines[2].Trim()[7..], lines[0]);

        Assert.Equal(1, study.Run("predict", "--image", notAPhoto, "--text", "cotton bath towel"));
        Assert.StartsWith($"error: {notAPhoto}: not a usable photo", study.Error);
        Assert.Single(study.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(1, study.Run("predict", "--image", photo, "--text", ""));
        Assert.StartsWith("error: The text is empty", study.Error);
        Assert.Single(study.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
