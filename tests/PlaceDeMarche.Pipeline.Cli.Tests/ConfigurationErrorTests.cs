namespace PlaceDeMarche.Pipeline.Cli.Tests;

/// <summary>
/// The whole pipeline.yaml is checked before any stage runs: each mistake is one line naming file, line and key, and
/// the run stops with a non-zero exit having run nothing (no run summary is written).
/// </summary>
public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly StudyWorkspace study = new();

    public void Dispose() => study.Dispose();

    [Fact]
    public void TheRepositorysConfigurationIsCompleteAndEveryKeyIsRead()
    {
        Assert.Equal(0, study.Run("summarize", "--run-id", "check"));
        Assert.Equal("", study.Error);
    }

    [Fact]
    public void AMisspeltSectionStopsTheRunWithADidYouMean()
    {
        study.EditConfiguration("\nanalysis:", "\nanalysys:");

        var exitCode = study.Run("run", "--target", "Download", "--dataset", "sample");

        Assert.Equal(2, exitCode);
        Assert.Contains(ErrorLines(), line => line.Contains(": unknown section 'analysys' (did you mean 'analysis'?)", StringComparison.Ordinal) && LineNamed(line));
        Assert.Contains(ErrorLines(), line => line.EndsWith("pipeline.yaml: 'analysis' is missing; the study needs it (see the repository's pipeline.yaml for its keys and their reasons)", StringComparison.Ordinal));
        Assert.False(File.Exists(study.PathOf("reports/run-summary.json")));
    }

    [Fact]
    public void AnUnknownKeyIsOneLineWithItsLineNumber()
    {
        study.EditConfiguration("  seeds: 10", "  seeds: 10\n  sedes: 3");

        Assert.Equal(2, study.Run("run", "--target", "Download", "--dataset", "sample"));

        var line = Assert.Single(ErrorLines());
        Assert.Matches(@"^error: .*pipeline\.yaml:\d+: unknown key 'analysis\.sedes' \(did you mean 'seeds'\?\); 'analysis' allows: ", line);
    }

    [Fact]
    public void ADeletedKeyIsNamed()
    {
        study.EditConfiguration("  seeds: 10", "");

        Assert.Equal(2, study.Run("run", "--target", "Download", "--dataset", "sample"));

        // pipeline.yaml lacks the key, and the French reasons name a key pipeline.yaml no longer has.
        Assert.Collection(
            ErrorLines(),
            line => Assert.Matches(@"^error: .*pipeline\.fr\.yaml:\d+: 'analysis\.seeds' is not a parameter of pipeline\.yaml; correct its key, or remove the line if the parameter is gone$", line),
            line => Assert.Matches(@"^error: .*pipeline\.yaml:\d+: 'analysis' lacks 'seeds' \(a whole number\): write it in the file, with the reason for its value$", line));
    }

    [Theory]
    [InlineData("  pca_components: 50", "  pca_components: fifty", "'analysis.pca_components' is 'fifty', which is not a whole number")]
    [InlineData("  seeds: 10", "  seeds: -3", "'analysis.seeds' is -3; allowed: 1 to 1000")]
    public void AWrongValueIsOneLineNamingTheKeyAndWhatIsAllowed(string from, string to, string expected)
    {
        study.EditConfiguration(from, to);

        Assert.Equal(2, study.Run("run", "--target", "Download", "--dataset", "sample"));

        var line = Assert.Single(ErrorLines());
        Assert.EndsWith(expected, line, StringComparison.Ordinal);
        Assert.True(LineNamed(line), line);
        Assert.DoesNotContain("Parameter", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AFrenchReasonForAKeyThatDoesNotExistStopsTheRunWithADidYouMean()
    {
        study.EditConfiguration("analysis.seeds:", "analysis.sedes:", "pipeline.fr.yaml");

        Assert.Equal(2, study.Run("run", "--target", "Download", "--dataset", "sample"));

        var line = Assert.Single(ErrorLines());
        Assert.Matches(@"^error: .*pipeline\.fr\.yaml:\d+: 'analysis\.sedes' is not a parameter of pipeline\.yaml \(did you mean 'analysis\.seeds'\?\); correct its key, or remove the line if the parameter is gone$", line);
    }

    [Fact]
    public void AMissingFileOfFrenchReasonsStopsTheRun()
    {
        File.Delete(study.PathOf("pipeline.fr.yaml"));

        Assert.Equal(2, study.Run("run", "--target", "Download", "--dataset", "sample"));

        var line = Assert.Single(ErrorLines());
        Assert.Matches(@"^error: .*pipeline\.fr\.yaml: missing; it holds the French reason of each parameter of pipeline\.yaml, which the report prints", line);
    }

    private string[] ErrorLines() => study.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool LineNamed(string line) => System.Text.RegularExpressions.Regex.IsMatch(line, @"pipeline\.yaml:\d+: ");
}
