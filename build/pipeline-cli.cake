using System.Security.Cryptography;

// Builds the pipeline's command-line program when its sources changed, and runs the target stage with it.
public sealed class PipelineCli
{
    private const string Project = "src/PlaceDeMarche.Pipeline.Cli/PlaceDeMarche.Pipeline.Cli.csproj";
    private readonly ICakeContext context;
    private readonly PipelineOptions options;
    private readonly DirectoryPath outputDirectory;

    public PipelineCli(ICakeContext context, PipelineOptions options)
    {
        this.context = context;
        this.options = options;
        outputDirectory = context.MakeAbsolute(context.Directory("artifacts/cli"));
    }

    private FilePath Program => outputDirectory.CombineWithFilePath("placedemarche-pipeline.dll");

    private string OnnxRuntimeFlavor => options.OnnxGpu ? "Gpu" : "Cpu";

    // `dotnet build` costs seconds even when nothing changed; a hash of the sources costs milliseconds and keeps
    // an unchanged study's rerun fast. Any source or build-settings edit triggers a real (incremental) build.
    private void BuildIfSourcesChanged()
    {
        var stamp = outputDirectory.CombineWithFilePath(".source-hash");
        var hash = HashSources();
        if (context.FileExists(Program) && context.FileExists(stamp) && System.IO.File.ReadAllText(stamp.FullPath) == hash)
        {
            return;
        }

        context.Information("Building the pipeline program...");
        context.DotNetBuild(Project, new DotNetBuildSettings
        {
            Configuration = "Release",
            OutputDirectory = outputDirectory,
            NoLogo = true,
            Verbosity = DotNetVerbosity.Quiet,
            MSBuildSettings = new DotNetMSBuildSettings().WithProperty("OnnxRuntimeFlavor", OnnxRuntimeFlavor),
        });
        System.IO.File.WriteAllText(stamp.FullPath, hash);
    }

    // `run` also writes reports/run-summary.json, whether the stages succeed or not. The program is built here,
    // when a task executes, so that listing the tasks (--tree, --description, --dryrun) builds nothing.
    public void RunTarget(string stage)
    {
        BuildIfSourcesChanged();
        Run(Arguments("run").Append("--target").Append(stage), $"Stage {stage} or one it needs failed; see the error above.");
    }

    public void RunAll()
    {
        BuildIfSourcesChanged();
        Run(Arguments("run"), "The study failed; see the error above.");
    }

    // The per-item stages' artifacts from their shards' parts (the program checks the count and each shard).
    public void MergeShards()
    {
        BuildIfSourcesChanged();
        if (options.Shards == null)
        {
            throw new CakeException("MergeShards needs --shards=<n>, the number of shards that ran.");
        }

        Run(Arguments("merge-shards").Append(options.Shards), "merge-shards failed; see the error above.");
    }

    // The trained model's category for one product (the pipeline program checks the photo and the text).
    public void Predict()
    {
        BuildIfSourcesChanged();
        var arguments = new ProcessArgumentBuilder()
            .AppendQuoted(Program.FullPath)
            .Append("predict")
            .Append("--workspace").AppendQuoted(context.MakeAbsolute(context.Directory(".")).FullPath);
        if (options.Image != null)
        {
            arguments.Append("--image").AppendQuoted(context.MakeAbsolute(context.File(options.Image)).FullPath);
        }

        if (options.Text != null)
        {
            arguments.Append("--text").AppendQuoted(options.Text);
        }

        Run(arguments, "predict failed; see the error above.");
    }

    private ProcessArgumentBuilder Arguments(string command)
    {
        var arguments = new ProcessArgumentBuilder()
            .AppendQuoted(Program.FullPath)
            .Append(command)
            .Append("--workspace").AppendQuoted(context.MakeAbsolute(context.Directory(".")).FullPath)
            .Append("--run-id").Append(options.RunId);
        if (options.Dataset != null)
        {
            arguments.Append("--dataset").AppendQuoted(options.Dataset);
        }

        if (options.Collect != null)
        {
            arguments.Append("--collect").AppendQuoted(options.Collect);
        }

        if (options.Configuration != null)
        {
            arguments.Append("--config").AppendQuoted(context.MakeAbsolute(context.File(options.Configuration)).FullPath);
        }

        if (options.Force)
        {
            arguments.Append("--force");
        }

        if (options.Shard != null && command == "run")
        {
            arguments.Append("--shard").AppendQuoted(options.Shard);
        }

        if (options.Quiet)
        {
            arguments.Append("--quiet");
        }

        return arguments;
    }

    private void Run(ProcessArgumentBuilder arguments, string failure)
    {
        var exitCode = context.StartProcess("dotnet", new ProcessSettings { Arguments = arguments });
        if (exitCode != 0)
        {
            throw new CakeException(failure);
        }
    }

    private string HashSources()
    {
        var root = context.MakeAbsolute(context.Directory(".")).FullPath;
        var files = System.IO.Directory.EnumerateFiles(System.IO.Path.Combine(root, "src"), "*", System.IO.SearchOption.AllDirectories)
            .Where(path => !path.Contains("/bin/") && !path.Contains("/obj/"))
            .Concat(new[] { "Directory.Build.props", "Directory.Packages.props" }.Select(name => System.IO.Path.Combine(root, name)))
            .OrderBy(path => path, StringComparer.Ordinal);
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            // Switching between the CPU and CUDA packages of ONNX Runtime must rebuild too.
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes("OnnxRuntimeFlavor=" + OnnxRuntimeFlavor + "\n"));
            foreach (var file in files)
            {
                sha.AppendData(System.Text.Encoding.UTF8.GetBytes(System.IO.Path.GetRelativePath(root, file) + "\n"));
                sha.AppendData(System.IO.File.ReadAllBytes(file));
            }

            return Convert.ToHexString(sha.GetHashAndReset());
        }
    }
}

// One line of `placedemarche-pipeline graph`: name, comma-separated dependencies, description (tab-separated).
public sealed class StageNode
{
    public static IReadOnlyList<StageNode> ReadAll(ICakeContext context, string path) =>
        System.IO.File.ReadAllLines(context.MakeAbsolute(context.File(path)).FullPath)
            .Where(line => line.Length > 0)
            .Select(Parse)
            .ToList();

    public string Name { get; private set; }
    public IReadOnlyList<string> Dependencies { get; private set; }
    public string Description { get; private set; }

    public static StageNode Parse(string line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 3)
        {
            throw new CakeException($"Unexpected stage graph line: '{line}'.");
        }

        return new StageNode
        {
            Name = fields[0],
            Dependencies = fields[1].Split(',', StringSplitOptions.RemoveEmptyEntries),
            Description = fields[2],
        };
    }
}
