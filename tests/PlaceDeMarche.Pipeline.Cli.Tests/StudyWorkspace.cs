using System.Text.Json.Nodes;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;

namespace PlaceDeMarche.Pipeline.Cli.Tests;

/// <summary>
/// A temporary copy of the repository's study set-up (pipeline.yaml, its French reasons and the committed sample archive) in which
/// the real command-line entry point runs the real stages.
/// </summary>
public sealed class StudyWorkspace : IDisposable
{
    private readonly string container;

    public StudyWorkspace()
    {
        // One level down, so that pipeline.yaml's "../shared/…" sources point inside this temporary folder: a
        // "shared" folder beside the system's temporary folder must not change what the study finds.
        container = Directory.CreateTempSubdirectory("pdm-study-").FullName;
        Root = Directory.CreateDirectory(Path.Combine(container, "workspace")).FullName;
        var repository = RepositoryRoot();
        File.Copy(Path.Combine(repository, "pipeline.yaml"), Path.Combine(Root, "pipeline.yaml"));
        File.Copy(Path.Combine(repository, "pipeline.fr.yaml"), Path.Combine(Root, "pipeline.fr.yaml"));
        Directory.CreateDirectory(Path.Combine(Root, "data", "sample"));
        File.Copy(Path.Combine(repository, "data", "sample", "flipkart-sample.zip"), Path.Combine(Root, "data", "sample", "flipkart-sample.zip"));
        // The Compliance stage reads the licences of the restored packages from the CLI's restore result.
        var assets = Path.Combine("src", "PlaceDeMarche.Pipeline.Cli", "obj", "project.assets.json");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, assets))!);
        File.Copy(Path.Combine(repository, assets), Path.Combine(Root, assets));
    }

    public string Root { get; }

    public string Output { get; private set; } = "";

    public string Error { get; private set; } = "";

    /// <summary>The dataset of the last run: its artifacts and reports are in folders named after it.</summary>
    public string DatasetId { get; private set; } = "official";

    /// <summary>A workspace path as the last run resolved it (<c>data/artifacts/…</c> and <c>reports/…</c> in its dataset's folders).</summary>
    public string PathOf(string relative) => new Workspace(Root, DatasetId).Resolve(relative);

    public int Run(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = PipelineCommand.Execute([.. arguments, "--workspace", Root, "--quiet"], output, error);
        var dataset = Array.IndexOf(arguments, "--dataset");
        var configured = File.Exists(PathOf("pipeline.yaml")) ? PipelineConfiguration.Load(PathOf("pipeline.yaml")).Bind<string>("dataset.source") ?? "" : "";
        DatasetId = dataset >= 0 && dataset + 1 < arguments.Length
            ? DatasetSelection.IdOf(arguments[dataset + 1], configured)
            : DatasetSelection.Choose(null, new Workspace(Root), configured).Id;
        Output = output.ToString();
        Error = error.ToString();
        return exitCode;
    }

    public JsonObject Summary() => JsonNode.Parse(File.ReadAllText(PathOf("reports/run-summary.json")))!.AsObject();

    /// <summary>Stage name -> status of the last run, from the run summary.</summary>
    public Dictionary<string, string> Statuses() =>
        Summary()["stages"]!.AsArray().ToDictionary(s => (string)s!["name"]!, s => (string)s!["status"]!);

    public void EditConfiguration(string from, string to, string file = "pipeline.yaml")
    {
        var path = PathOf(file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    public void Dispose() => Directory.Delete(container, recursive: true);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PlaceDeMarche.Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Repository root (PlaceDeMarche.Pipeline.sln) not found above the test binaries.");
    }
}
