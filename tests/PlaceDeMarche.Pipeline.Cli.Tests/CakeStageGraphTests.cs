namespace PlaceDeMarche.Pipeline.Cli.Tests;

/// <summary>
/// Cake reads the stage graph from <c>build/stages.tsv</c> so that <c>--tree</c>, <c>--dryrun</c> and
/// <c>--description</c> answer without building the program; the file must be what the program itself prints.
/// </summary>
public sealed class CakeStageGraphTests
{
    [Fact]
    public void TheCommittedGraphIsTheProgramsGraph()
    {
        var output = new StringWriter();
        Assert.Equal(0, PipelineCommand.Execute(["graph"], output, new StringWriter()));
        var committed = File.ReadAllText(Path.Combine(StudyWorkspace.RepositoryRoot(), "build", "stages.tsv"));

        Assert.True(
            committed.ReplaceLineEndings("\n") == output.ToString().ReplaceLineEndings("\n"),
            "build/stages.tsv differs from the program's stage graph: regenerate it with "
            + "`dotnet run --project src/PlaceDeMarche.Pipeline.Cli -- graph > build/stages.tsv` and commit it.");
    }

    [Fact]
    public void EveryDependencyIsAStageListedBeforeIt()
    {
        var listed = new HashSet<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(StudyWorkspace.RepositoryRoot(), "build", "stages.tsv")))
        {
            var fields = line.Split('\t');
            Assert.Equal(3, fields.Length);
            Assert.All(fields[1].Split(',', StringSplitOptions.RemoveEmptyEntries), dependency => Assert.Contains(dependency, listed));
            listed.Add(fields[0]);
        }

        Assert.NotEmpty(listed);
    }
}
