// Rebuilds the feasibility study: one Cake task per pipeline stage; the default target runs them all.
//   dotnet tool restore && dotnet cake --dataset=<path-or-URL|sample> [--target=<Stage>] [--force]
// The stage graph itself is defined once, in C# (src/PlaceDeMarche.Pipeline.Cli/StageCatalog.cs); the tasks
// below are generated from it. A task hands its stage to the pipeline program, which runs it with everything it
// needs in one process, independent stages side by side on the cores (Cake runs one task at a time).
#load "build/options.cake"
#load "build/pipeline-cli.cake"

var options = PipelineOptions.FromArguments(Context);
var cli = new PipelineCli(Context, options);
cli.BuildIfSourcesChanged();

foreach (var stage in cli.ReadStageGraph())
{
    Task(stage.Name)
        .Description(stage.Description)
        .Does(() => cli.RunTarget(stage.Name));
}

// The whole study: every stage (the reports and the text study's comparison are its end points).
Task("Default").Does(() => cli.RunAll());

// One product's category from the trained model: dotnet cake --target=Predict --image=<photo> --text="<name and description>".
Task("Predict")
    .Description("Print the trained model's category (and top 3) for --image and --text")
    .Does(() => cli.Predict());

RunTarget(options.Target);
