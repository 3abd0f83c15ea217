using System.Text.Json.Nodes;

namespace PlaceDeMarche.Pipeline.Cli.Tests;

/// <summary>The closing lines of a run: the verdict and the means over the seeds (never a single seed's value).</summary>
public sealed class HeadlineTests
{
    [Fact]
    public void TheVerdictComesFirstThenEachMeanWithItsSpread()
    {
        var metrics = new JsonObject
        {
            ["text.tfidf.ari_first_seed"] = 0.518,
            ["text.best.ari_mean"] = 0.6941,
            ["text.best.ari_std"] = 0.0203,
            ["fusion.ari_mean"] = 0.81,
            ["report.verdict"] = "faisable",
            ["supervised.best.test_accuracy"] = 0.95,
        };

        Assert.Equal(
            ["verdict: faisable", "text.best.ari_mean = 0.694 ± 0.020", "fusion.ari_mean = 0.810", "supervised.best.test_accuracy = 0.950"],
            PipelineCommand.HeadlineLines(metrics));
    }

    [Fact]
    public void NothingIsInventedWhenNoHeadlineWasMeasured()
    {
        Assert.Empty(PipelineCommand.HeadlineLines(new JsonObject { ["text.tfidf.ari_first_seed"] = 0.5 }));
    }
}
