// Rebuilds the feasibility study: one Cake task per pipeline stage, default target = the report.
//   dotnet tool restore && dotnet cake --dataset=<path-or-URL|sample> [--target=<Stage>] [--force]
// The stage graph itself is defined once, in C# (src/PlaceDeMarche.Pipeline.Cli/StageCatalog.cs); the tasks
// below are generated from it, so Cake and the pipeline can never disagree about dependencies.
#load "build/options.cake"
#load "build/pipeline-cli.cake"

var options = PipelineOptions.FromArguments(Context);
var cli = new PipelineCli(Context, options);
cli.BuildIfSourcesChanged();

foreach (var stage in cli.ReadStageGraph())
{
    var task = Task(stage.Name)
        .Description(stage.Description)
        .Does(() => cli.RunStage(stage.Name));
    foreach (var dependency in stage.Dependencies)
    {
        task.IsDependentOn(dependency);
    }
}

Task("Default").IsDependentOn("Report");

Teardown(context => cli.WriteRunSummary(context.Successful));

RunTarget(options.Target);
