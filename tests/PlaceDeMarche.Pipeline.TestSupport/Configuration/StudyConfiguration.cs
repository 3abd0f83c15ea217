using PlaceDeMarche.Pipeline.Core.Configuration;

namespace PlaceDeMarche.Pipeline.TestSupport.Configuration;

/// <summary>
/// The repository's own pipeline.yaml, the one place the study's values live: a test that needs realistic parameters
/// binds them from here (and sets only what it is about), so no test repeats a value of the study.
/// </summary>
public static class StudyConfiguration
{
    private static readonly Lazy<string> FilePath = new(FindFile);

    /// <summary>Path of the repository's pipeline.yaml, found from the test's output folder upwards.</summary>
    public static string Path => FilePath.Value;

    /// <summary>A fresh parse of the file (bindings record what was read, so each caller gets its own).</summary>
    public static PipelineConfiguration Load() => PipelineConfiguration.Load(Path);

    /// <summary>The section at <paramref name="dottedPath"/>, bound as a stage binds it: a new object each call, free to edit.</summary>
    public static T Bind<T>(string dottedPath) => Load().Bind<T>(dottedPath);

    /// <summary>The section at <paramref name="dottedPath"/> with the test's own changes (what the test is about) applied.</summary>
    public static T Bind<T>(string dottedPath, Action<T> edit)
    {
        var value = Bind<T>(dottedPath);
        edit(value);
        return value;
    }

    private static string FindFile()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, "pipeline.yaml");
            if (File.Exists(candidate) && File.Exists(System.IO.Path.Combine(folder.FullName, "PlaceDeMarche.Pipeline.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"No pipeline.yaml beside PlaceDeMarche.Pipeline.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
