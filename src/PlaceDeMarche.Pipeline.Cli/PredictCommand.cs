using System.Globalization;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Supervised.Prediction;

namespace PlaceDeMarche.Pipeline.Cli;

/// <summary><c>predict --image &lt;file&gt; --text "&lt;name and description&gt;"</c>: the saved production model's category for one product.</summary>
public static class PredictCommand
{
    /// <exception cref="UsageException">An option is missing.</exception>
    /// <exception cref="PredictionInputException">The photo or the text cannot be used (the message says which and why).</exception>
    public static void Run(CommandLine commandLine, Workspace workspace, IPipelineLog log, TextWriter output)
    {
        var imagePath = commandLine.Value("image") ?? throw new UsageException("predict needs --image <photo file>.");
        var text = commandLine.Value("text") ?? throw new UsageException("predict needs --text \"<name and description>\".");
        var modelPath = commandLine.Value("model") is { } model ? Path.GetFullPath(model) : workspace.Resolve(SupervisedArtifactPaths.Model);
        if (!File.Exists(modelPath))
            throw new PredictionInputException($"No trained model at {modelPath}: run `dotnet cake --target=Supervised` first.");
        if (!File.Exists(imagePath))
            throw new PredictionInputException($"{imagePath}: no such photo file.");
        var classifier = new ProductClassifier(SavedModel.FromJson(File.ReadAllText(modelPath), modelPath), workspace.Root, log);
        var prediction = classifier.Predict(text, File.ReadAllBytes(imagePath), imagePath);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"category: {prediction.Category} (probability {prediction.Probability:F3})"));
        output.WriteLine("top 3:");
        foreach (var (category, probability) in prediction.Ranked.Take(3))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {probability:F3}  {category}"));
    }
}
