// Rebuilds the feasibility study: one Cake task per pipeline stage; the default target runs them all.
//   dotnet tool restore && dotnet cake --dataset=<path-or-URL|sample> [--target=<Stage>] [--force]
// The stage graph is defined once, in C# (src/PlaceDeMarche.Pipeline.Cli/StageCatalog.cs); `build/stages.tsv` is
// the program's own print-out of it (`placedemarche-pipeline graph`, kept equal by a test), so `--tree`,
// `--dryrun` and `--description` show the tasks and their edges at once, without building anything. Executing a
// target is still one call into the program, which runs the target's whole closure in one process, independent
// stages side by side on the cores: the dependency tasks themselves do nothing (the target's call runs them).
#load "build/options.cake"
#load "build/pipeline-cli.cake"

var options = PipelineOptions.FromArguments(Context);
var cli = new PipelineCli(Context, options);
var stages = StageNode.ReadAll(Context, "build/stages.tsv");

foreach (var stage in stages)
{
    var task = Task(stage.Name).Description(stage.Description);
    foreach (var dependency in stage.Dependencies)
    {
        task.IsDependentOn(dependency);
    }

    var name = stage.Name;
    task.Does(() =>
    {
        if (string.Equals(name, options.Target, StringComparison.OrdinalIgnoreCase))
        {
            cli.RunTarget(name);
        }
    });
}

// The whole study: every stage (the reports and the text study's comparison are its end points).
var everything = Task("Default").Description("The whole study: every stage, then the reports");
var needed = new HashSet<string>(stages.SelectMany(s => s.Dependencies));
foreach (var endPoint in stages.Where(s => !needed.Contains(s.Name)))
{
    everything.IsDependentOn(endPoint.Name);
}

everything.Does(() => cli.RunAll());

// One product's category from the trained model: dotnet cake --target=Predict --image=<photo> --text="<name and description>".
Task("Predict")
    .Description("Print the trained model's category (and top 3) for --image and --text")
    .Does(() => cli.Predict());

// The per-item stages' artifacts from n shards run by `dotnet cake --shard=i/n`: dotnet cake --target=MergeShards --shards=n.
Task("MergeShards")
    .Description("Write the per-item stages' artifacts from the parts of --shards=<n> shards (each run by --shard=i/n)")
    .Does(() => cli.MergeShards());

RunTarget(options.Target);
