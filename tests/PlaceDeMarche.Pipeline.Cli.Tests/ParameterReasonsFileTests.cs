using System.Text.RegularExpressions;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Report.Stages;

namespace PlaceDeMarche.Pipeline.Cli.Tests;

/// <summary>
/// The repository's pipeline.yaml gives every parameter its reason twice: an English comment for the engineers and a
/// French line of pipeline.fr.yaml for the report. Adding a parameter without both fails here.
/// </summary>
public sealed class ParameterReasonsFileTests
{
    private static readonly PipelineConfiguration Configuration =
        PipelineConfiguration.Load(Path.Combine(StudyWorkspace.RepositoryRoot(), "pipeline.yaml"));

    [Fact]
    public void EveryParameterHasAFrenchReasonAndTheFrenchFileNamesNoOtherKey()
    {
        // Load refuses a French key that is no parameter (with its line); here every parameter must have one.
        var french = FrenchParameterReasons.Load(Configuration).Keys.ToHashSet(StringComparer.Ordinal);

        var untranslated = Configuration.Flatten().Select(p => p.Key).Where(key => !french.Contains(key)).ToArray();

        Assert.True(untranslated.Length == 0, $"pipeline.fr.yaml lacks the French reason of: {string.Join(", ", untranslated)}");
    }

    [Fact]
    public void EveryParameterHasItsEnglishReasonInPipelineYaml()
    {
        var explanations = Configuration.Explanations();

        var unexplained = Configuration.Flatten().Select(p => p.Key).Where(key => !explanations.ContainsKey(key)).ToArray();

        Assert.True(unexplained.Length == 0, $"pipeline.yaml gives no reason (comment) for: {string.Join(", ", unexplained)}");
    }

    [Fact]
    public void TheFrenchReasonsFollowFrenchTypography()
    {
        var reasons = FrenchParameterReasons.Load(Configuration);

        // A space before « : ; ? ! % » and inside the guillemets; thousands set apart by a narrow no-break space.
        var faults = Configuration.Flatten()
            .Select(p => (p.Key, Reason: reasons.ReasonFor(p.Key, Configuration)))
            .Where(r => Regex.IsMatch(r.Reason, @"[^ ][:;?!%»]|«[^ ]|\d \d{3}(?!\d)"))
            .Select(r => $"{r.Key}: {r.Reason}")
            .ToArray();

        Assert.True(faults.Length == 0, string.Join("\n", faults));
    }

    [Fact]
    public void NoFrenchReasonIsTheEnglishCommentCopied()
    {
        var explanations = Configuration.Explanations();
        var reasons = FrenchParameterReasons.Load(Configuration);

        var copied = Configuration.Flatten()
            .Select(p => p.Key)
            .Where(key => explanations.TryGetValue(key, out var english) && string.Equals(english.TrimEnd('.'), reasons.ReasonFor(key, Configuration), StringComparison.OrdinalIgnoreCase))
            .ToArray();

        // Reasons that are only a list of allowed values or a tensor shape read the same in both languages.
        Assert.Equal(["images.cnn.mobilenetv2.layout", "images.cnn.resnet18.layout", "analysis.tsne.method"], copied);
    }
}
