using System.Globalization;
using PlaceDeMarche.Pipeline.ArtifactCheck;

// CI checks of a study run.
const string Usage = """
    usage: placedemarche-artifact-check <data/artifacts folder> [expected product count, default 1050]
           placedemarche-artifact-check --summary <reports/run-summary.json> (--all-stages-ran | --all-stages-up-to-date)
    """;

IReadOnlyList<string> problems;
switch (args)
{
    case ["--summary", var summary, "--all-stages-ran" or "--all-stages-up-to-date"]:
        problems = RunSummaryCheck.Check(summary, args[2] == "--all-stages-ran" ? "ran" : "up-to-date", Console.Out);
        break;
    case [var artifacts, ..] when args.Length <= 2 && Directory.Exists(artifacts):
        int products = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1050;
        problems = new ArtifactChecker(artifacts, products, Console.Out).Check();
        break;
    default:
        Console.Error.WriteLine(Usage);
        return 2;
}

if (problems.Count > 0)
{
    Console.Error.WriteLine("check failed:\n  " + string.Join("\n  ", problems));
    return 1;
}

Console.WriteLine("check passed");
return 0;
