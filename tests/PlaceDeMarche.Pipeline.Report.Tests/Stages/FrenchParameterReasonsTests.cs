using System.Text.Json;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Report.Stages;

namespace PlaceDeMarche.Pipeline.Report.Tests.Stages;

/// <summary>
/// The appendix's third column is French whatever pipeline.yaml's comments say: the reason from the companion file,
/// the command line's mark, or a French placeholder naming the file to complete; the companion is checked as
/// strictly as pipeline.yaml.
/// </summary>
public sealed class FrenchParameterReasonsTests
{
    private const string Yaml = """
        seed: 42                       # fixed before any run
        dataset:
          source: official.zip         # the study brief's archive
        analysis:
          seeds: 10                    # the study's protocol
        report:
          title: "Étude"               # the report's title
          author: "PlaceDeMarche.Pipeline"
          ari_feasible: 0.5
          ari_promising: 0.3
          accuracy_target_text: 0.96
          accuracy_target_image: 0.90
          accuracy_target_multimodal: 0.97
          topic_terms: 10
        """;

    private const string French = """
        seed: "fixée avant toute exécution"
        dataset.source: "l'archive de l'énoncé"
        analysis.seeds: "le protocole de l'étude"
        report.title: "titre du rapport"
        """;

    [Fact]
    public void TheAppendixPrintsTheFrenchReasonsNotPipelineYamlsComments()
    {
        var configuration = PipelineConfiguration.Parse(Yaml, "p.yaml");

        var table = FeasibilityReportBuilder.ParameterTable(Bind(configuration, French));

        Assert.Equal(["Paramètre", "Valeur", "Pourquoi cette valeur"], table.Headers);
        Assert.Equal(
            [
                ["seed", "42", "fixée avant toute exécution"],
                ["dataset.source", "official.zip", "l'archive de l'énoncé"],
                ["analysis.seeds", "10", "le protocole de l'étude"],
                ["report.title", "Étude", "titre du rapport"],
            ],
            table.Rows.Take(4));
        // The report's other keys (the strict binder needs them all) follow, with the placeholder naming the French file.
        Assert.Equal(11, table.Rows.Count);
    }

    [Fact]
    public void AValueFromTheCommandLineSaysSo()
    {
        var configuration = PipelineConfiguration.Parse(Yaml, "p.yaml").WithOverride("dataset.source", "../shared/data/Flipkart-1050.zip");

        var table = FeasibilityReportBuilder.ParameterTable(Bind(configuration, French));

        Assert.Equal(["dataset.source", "../shared/data/Flipkart-1050.zip", "valeur donnée en ligne de commande"], table.Rows[1]);
    }

    [Fact]
    public void AParameterWithoutAFrenchReasonGetsAFrenchPlaceholderNamingTheFile()
    {
        var configuration = PipelineConfiguration.Parse(Yaml, "pipeline.yaml");
        var reasons = FrenchParameterReasons.Parse("seed: \"fixée avant toute exécution\"\n", "pipeline.fr.yaml", configuration);

        var table = FeasibilityReportBuilder.ParameterTable(ReportStageParameters.Bind(configuration, _ => true, reasons));

        Assert.Equal(["analysis.seeds", "10", "pas de raison en français : compléter pipeline.fr.yaml"], table.Rows[2]);
        Assert.DoesNotContain(table.Rows, row => row[2].Contains("protocol", StringComparison.Ordinal) || row[2].Contains("brief", StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyTheIncludedParametersAreBound()
    {
        var configuration = PipelineConfiguration.Parse(Yaml, "p.yaml");

        var parameters = ReportStageParameters.Bind(configuration, key => key.StartsWith("analysis.", StringComparison.Ordinal), Reasons(configuration, French));

        Assert.Equal(["analysis.seeds"], parameters.EffectiveConfiguration.Select(p => p.Key));
        Assert.Equal(["analysis.seeds"], parameters.Reasons.Keys);
    }

    [Fact]
    public void ARewordedReasonChangesTheReportsParameters()
    {
        var configuration = PipelineConfiguration.Parse(Yaml, "p.yaml");

        var before = JsonSerializer.Serialize(Bind(configuration, French));
        var after = JsonSerializer.Serialize(Bind(configuration, French.Replace("le protocole de l'étude", "protocole de l'étude : 10 graines", StringComparison.Ordinal)));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void AKeyThatIsNoParameterIsOneLineWithFileLineAndADidYouMean()
    {
        var configuration = PipelineConfiguration.Parse(Yaml, "pipeline.yaml");

        var error = Assert.Throws<PipelineConfigurationException>(() =>
            FrenchParameterReasons.Parse(French + "\nanalysis.sedes: \"graines\"\nunrelated.key: \"rien\"\n", "pipeline.fr.yaml", configuration));

        Assert.Equal(
            [
                "pipeline.fr.yaml:5: 'analysis.sedes' is not a parameter of pipeline.yaml (did you mean 'analysis.seeds'?); correct its key, or remove the line if the parameter is gone",
                "pipeline.fr.yaml:6: 'unrelated.key' is not a parameter of pipeline.yaml; correct its key, or remove the line if the parameter is gone",
            ],
            error.Message.Split('\n'));
    }

    [Theory]
    [InlineData("seed: \"\"")]
    [InlineData("seed: [fixée, avant]")]
    public void AReasonMustBeOneNonEmptyText(string line)
    {
        var configuration = PipelineConfiguration.Parse(Yaml, "pipeline.yaml");

        var error = Assert.Throws<PipelineConfigurationException>(() => FrenchParameterReasons.Parse(line, "pipeline.fr.yaml", configuration));

        Assert.Equal("pipeline.fr.yaml:1: 'seed' needs its reason as one French sentence in quotes (key: \"raison\")", error.Message);
    }

    [Fact]
    public void ADuplicateKeyIsAnErrorNamingTheFile()
    {
        var configuration = PipelineConfiguration.Parse(Yaml, "pipeline.yaml");

        var error = Assert.Throws<PipelineConfigurationException>(() =>
            FrenchParameterReasons.Parse("seed: \"une\"\nseed: \"deux\"\n", "pipeline.fr.yaml", configuration));

        Assert.StartsWith("pipeline.fr.yaml:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCompanionOfAConfigurationFileIsBesideIt()
    {
        Assert.Equal(Path.Combine("conf", "my.fr.yaml"), FrenchParameterReasons.PathBeside(Path.Combine("conf", "my.yaml")));
        Assert.Equal("pipeline.fr.yaml", FrenchParameterReasons.PathBeside("pipeline.yaml"));
    }

    private static ReportStageParameters Bind(PipelineConfiguration configuration, string french) =>
        ReportStageParameters.Bind(configuration, _ => true, Reasons(configuration, french));

    private static FrenchParameterReasons Reasons(PipelineConfiguration configuration, string french) =>
        FrenchParameterReasons.Parse(french, "p.fr.yaml", configuration);
}
