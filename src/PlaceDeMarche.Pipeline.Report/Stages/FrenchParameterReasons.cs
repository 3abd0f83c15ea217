using PlaceDeMarche.Pipeline.Core.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// The French reason of each parameter, which the report's appendix prints: read from the companion of the
/// configuration file (<c>pipeline.fr.yaml</c> beside <c>pipeline.yaml</c>), a flat mapping from each dotted key of
/// <see cref="PipelineConfiguration.Flatten"/> to its reason. pipeline.yaml keeps the engineers' English reasons; the
/// report's readers see only these. Like pipeline.yaml itself, the file is checked strictly: a missing file, or a key
/// that is no parameter, is one error line naming file, line and key.
/// </summary>
public sealed class FrenchParameterReasons
{
    /// <summary>What the appendix prints beside a value the command line gave.</summary>
    public const string CommandLineReason = "valeur donnée en ligne de commande";

    private readonly IReadOnlyDictionary<string, string> reasons;

    private FrenchParameterReasons(string fileName, IReadOnlyDictionary<string, string> reasons)
    {
        FileName = fileName;
        this.reasons = reasons;
    }

    /// <summary>The file's name, which the placeholder of a parameter without a French reason names.</summary>
    public string FileName { get; }

    /// <summary>The parameters that have a French reason.</summary>
    public IEnumerable<string> Keys => reasons.Keys;

    /// <summary>The companion of a configuration file: <c>pipeline.yaml</c> → <c>pipeline.fr.yaml</c> beside it.</summary>
    public static string PathBeside(string configurationPath) =>
        Path.Combine(Path.GetDirectoryName(configurationPath) ?? "", Path.GetFileNameWithoutExtension(configurationPath) + ".fr.yaml");

    /// <summary>Reads and checks the companion of <paramref name="configuration"/>'s file.</summary>
    public static FrenchParameterReasons Load(PipelineConfiguration configuration)
    {
        var path = PathBeside(configuration.SourceName);
        if (!File.Exists(path))
        {
            throw new PipelineConfigurationException(
                $"{path}: missing; it holds the French reason of each parameter of {Path.GetFileName(configuration.SourceName)}, which the report prints "
                + "(copy the repository's pipeline.fr.yaml beside it and complete it)");
        }

        return Parse(File.ReadAllText(path), path, configuration);
    }

    /// <summary>Parses the file's text; every key must be a parameter of <paramref name="configuration"/>.</summary>
    public static FrenchParameterReasons Parse(string yaml, string sourceName, PipelineConfiguration configuration)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new PipelineConfigurationException($"{sourceName}:{e.Start.Line}: {e.Message}", e);
        }

        var mapping = stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new PipelineConfigurationException($"{sourceName}: must be a mapping of lines 'dotted.key: \"raison\"'");
        var parameters = configuration.Flatten().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var configurationName = Path.GetFileName(configuration.SourceName);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var where = $"{sourceName}:{keyNode.Start.Line}";
            if (!parameters.Contains(key))
            {
                var hint = ClosestName.Find(key, parameters) is { } close ? $" (did you mean '{close}'?)" : "";
                errors.Add($"{where}: '{key}' is not a parameter of {configurationName}{hint}; correct its key, or remove the line if the parameter is gone");
            }
            else if (value is not YamlScalarNode { Value: { Length: > 0 } reason } || string.IsNullOrWhiteSpace(reason))
            {
                errors.Add($"{where}: '{key}' needs its reason as one French sentence in quotes (key: \"raison\")");
            }
            else
            {
                reasons[key] = reason.Trim();
            }
        }

        return errors.Count > 0
            ? throw new PipelineConfigurationException(string.Join('\n', errors))
            : new FrenchParameterReasons(Path.GetFileName(sourceName), reasons);
    }

    /// <summary>
    /// The appendix's reason for <paramref name="key"/>: the command line's mark for a value it gave, else the French
    /// reason, else a French placeholder naming this file (never pipeline.yaml's English comment).
    /// </summary>
    public string ReasonFor(string key, PipelineConfiguration configuration) =>
        configuration.CommandLineKeys.Contains(key) ? CommandLineReason
        : reasons.TryGetValue(key, out var reason) ? reason
        : $"pas de raison en français : compléter {FileName}";
}
