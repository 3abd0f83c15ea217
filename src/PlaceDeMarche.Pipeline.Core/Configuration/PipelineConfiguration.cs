using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PlaceDeMarche.Pipeline.Core.Configuration;

/// <summary>
/// The study's parameters as read from <c>pipeline.yaml</c>, plus command-line overrides.
/// Stages bind the sections they read into typed records; those records (not the raw YAML)
/// feed the stage fingerprints, so formatting or comment edits never rerun anything.
/// </summary>
public sealed class PipelineConfiguration
{
    private static readonly Lock DeserializerGate = new();
    private static readonly IReadOnlySet<string> NoKeys = new HashSet<string>(StringComparer.Ordinal);
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    private readonly YamlMappingNode root;
    private readonly string[] sourceLines;

    // The paths stages bound, so that the up-front check can name what no stage reads (a misspelt section).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Type> boundPaths = new(StringComparer.Ordinal);

    private PipelineConfiguration(YamlMappingNode root, string sourceName, string[] sourceLines, IReadOnlySet<string> commandLineKeys)
    {
        this.root = root;
        SourceName = sourceName;
        this.sourceLines = sourceLines;
        CommandLineKeys = commandLineKeys;
    }

    /// <summary>File name or description of where the configuration came from, used in error messages.</summary>
    public string SourceName { get; }

    /// <summary>The dotted paths whose value the command line changed (<see cref="WithOverride"/>).</summary>
    public IReadOnlySet<string> CommandLineKeys { get; }

    /// <summary>The global seed every stochastic stage derives its randomness from.</summary>
    public int Seed => Bind<int?>("seed") ?? throw new PipelineConfigurationException(
        $"{SourceName}: the top-level key 'seed' is missing; add e.g. 'seed: 42' so runs are reproducible.");

    public static PipelineConfiguration Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new PipelineConfigurationException(
                $"Configuration file '{path}' not found; run from the repository root or pass --config <file>.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static PipelineConfiguration Parse(string yaml, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new PipelineConfigurationException($"{sourceName}:{e.Start.Line}:{e.Start.Column}: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet reports some unterminated constructs (e.g. an open flow sequence at the end) this way.
            throw new PipelineConfigurationException($"{sourceName}: malformed YAML ({e.Message}); check brackets and indentation.", e);
        }

        var lines = yaml.Split('\n');
        if (stream.Documents.Count == 0)
        {
            return new PipelineConfiguration(new YamlMappingNode(), sourceName, lines, NoKeys);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new PipelineConfigurationException($"{sourceName}: the top level must be a mapping of sections (key: value).");
        }

        return new PipelineConfiguration(mapping, sourceName, lines, NoKeys);
    }

    /// <summary>
    /// Returns a copy in which the scalar at <paramref name="dottedPath"/> is replaced (created if absent). Only the
    /// mappings along that path are copied; every other node is shared, so it keeps its line number for errors.
    /// The same value as the file's changes nothing: the key keeps its place (and reason) in the file.
    /// </summary>
    public PipelineConfiguration WithOverride(string dottedPath, string value) =>
        Find(dottedPath) is YamlScalarNode scalar && scalar.Value == value
            ? this
            : new(Replace(root, dottedPath.Split('.'), value), SourceName, sourceLines, new HashSet<string>(CommandLineKeys.Append(dottedPath), StringComparer.Ordinal));

    private static YamlMappingNode Replace(YamlMappingNode mapping, ReadOnlySpan<string> keys, string value)
    {
        var copy = new YamlMappingNode(mapping.Children);
        var key = new YamlScalarNode(keys[0]);
        copy.Children[key] = keys.Length == 1
            ? new YamlScalarNode(value)
            : Replace(mapping.Children.TryGetValue(key, out var child) && child is YamlMappingNode childMapping ? childMapping : new YamlMappingNode(), keys[1..], value);
        return copy;
    }

    /// <summary>
    /// Binds the section at <paramref name="dottedPath"/> to <typeparamref name="T"/>. An unknown key, a value of the
    /// wrong kind or out of its allowed range is an error naming file, line and key (<see cref="SectionValidator"/>),
    /// so a typo never silently falls back to a default. Keys left out take the type's values here; a run refuses
    /// them beforehand (<see cref="MissingKeys"/>, through <see cref="PipelineConfigurationCheck"/>), so in the study
    /// the file is the one place a value lives.
    /// </summary>
    public T Bind<T>(string dottedPath)
    {
        boundPaths[dottedPath] = typeof(T);
        var node = Find(dottedPath);
        if (node is null)
        {
            return typeof(T).IsValueType || Nullable.GetUnderlyingType(typeof(T)) is not null
                ? default!
                : Activator.CreateInstance<T>();
        }

        var errors = SectionValidator.CheckContent(typeof(T), node, dottedPath, SourceName);
        if (errors.Count > 0)
        {
            throw new PipelineConfigurationException(string.Join("\n", errors));
        }

        var yaml = Serialize(node);
        try
        {
            // Stages bind their parameters from several threads when they run side by side.
            lock (DeserializerGate)
            {
                return Deserializer.Deserialize<T>(yaml) ?? Activator.CreateInstance<T>();
            }
        }
        catch (YamlException e)
        {
            // A section rebuilt by an override has no position of its own; its message then names the file only.
            var where = node.Start.Line > 0 ? $"{SourceName}:{node.Start.Line + e.Start.Line - 1}" : SourceName;
            throw new PipelineConfigurationException($"{where}: invalid value in '{dottedPath}': {Innermost(e).Message}", e);
        }
    }

    /// <summary>
    /// One error line for each section or key that a <see cref="Bind{T}"/> call asked for and the file does not
    /// write (only nullable properties may be left out); call it after every stage bound its parameters.
    /// </summary>
    public IReadOnlyList<string> MissingKeys()
    {
        var errors = new List<string>();
        foreach (var (path, type) in boundPaths.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            if (Nullable.GetUnderlyingType(type) is not null)
            {
                continue;
            }

            if (Find(path) is { } node)
            {
                errors.AddRange(SectionValidator.CheckCompleteness(type, node, path, SourceName));
            }
            else
            {
                errors.Add($"{SourceName}: '{path}' is missing; the study needs it (see the repository's pipeline.yaml for its keys and their reasons)");
            }
        }

        return errors;
    }

    /// <summary>
    /// One error line for each key of the file that no <see cref="Bind{T}"/> call has read (call it after every
    /// stage bound its parameters): a misspelt or unknown section, with a did-you-mean among the sections read.
    /// </summary>
    public IReadOnlyList<string> UnreadKeys()
    {
        var errors = new List<string>();
        CollectUnread(root, "", errors);
        return errors;
    }

    private void CollectUnread(YamlMappingNode mapping, string path, List<string> errors)
    {
        var known = boundPaths.Keys
            .Where(bound => path.Length == 0 || bound.StartsWith(path + ".", StringComparison.Ordinal))
            .Select(bound => bound[(path.Length == 0 ? 0 : path.Length + 1)..].Split('.')[0])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var keyPath = path.Length == 0 ? key : $"{path}.{key}";
            if (boundPaths.ContainsKey(keyPath))
            {
                continue;
            }

            if (known.Contains(key) && value is YamlMappingNode child)
            {
                CollectUnread(child, keyPath, errors);
                continue;
            }

            var hint = ClosestName.Find(key, known) is { } close ? $" (did you mean '{(path.Length == 0 ? close : $"{path}.{close}")}'?)" : "";
            var where = keyNode.Start.Line > 0 ? $"{SourceName}:{keyNode.Start.Line}" : SourceName;
            errors.Add($"{where}: unknown section '{keyPath}'{hint}; no stage reads it (known here: {string.Join(", ", known)})");
        }
    }

    /// <summary>Every scalar of the effective configuration as "dotted.path = value" (lists joined by commas), in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Flatten()
    {
        var entries = new List<KeyValuePair<string, string>>();
        Flatten(root, "", entries);
        return entries;
    }

    /// <summary>
    /// Why each value was chosen, as written in the file: the comment ending a scalar's line (with the comment lines
    /// aligned under it), or else the comment lines right above its key. Keyed by the dotted paths of <see cref="Flatten()"/>; values set on the command line have none.
    /// </summary>
    public IReadOnlyDictionary<string, string> Explanations()
    {
        var explanations = new Dictionary<string, string>(StringComparer.Ordinal);
        CollectExplanations(root, "", explanations);
        return explanations;
    }

    private void CollectExplanations(YamlMappingNode mapping, string path, Dictionary<string, string> explanations)
    {
        foreach (var (key, value) in mapping.Children)
        {
            var keyPath = path.Length == 0 ? ((YamlScalarNode)key).Value! : $"{path}.{((YamlScalarNode)key).Value}";
            switch (value)
            {
                case YamlMappingNode child:
                    CollectExplanations(child, keyPath, explanations);
                    break;
                case YamlSequenceNode sequence when !sequence.Children.All(c => c is YamlScalarNode):
                    // Keyed item by item, as Flatten lists such a sequence: a mapping's keys, or the item's own line.
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        var item = sequence.Children[i];
                        if (item is YamlMappingNode itemMapping)
                        {
                            CollectExplanations(itemMapping, $"{keyPath}[{i}]", explanations);
                        }
                        else if (item.Start.Line > 0 && ExplanationAt((int)item.Start.Line - 1, (int)item.Start.Column - 1, (int)item.End.Line - 1) is { } itemExplanation)
                        {
                            explanations[$"{keyPath}[{i}]"] = itemExplanation;
                        }
                    }

                    break;
                default:
                    // Line numbers are 1-based; an overridden value is a new node without a position.
                    if (value.Start.Line > 0 && ExplanationAt((int)key.Start.Line - 1, (int)key.Start.Column - 1, (int)value.End.Line - 1) is { } explanation)
                    {
                        explanations[keyPath] = explanation;
                    }

                    break;
            }
        }
    }

    private string? ExplanationAt(int keyLine, int keyColumn, int lastValueLine)
    {
        if (lastValueLine < sourceLines.Length && CommentStart(sourceLines[lastValueLine]) is var hash && hash > 0)
        {
            // A trailing comment may go on over the next lines, each a comment alone aligned on its '#'.
            var lines = new List<string> { sourceLines[lastValueLine][(hash + 1)..].Trim() };
            for (var line = lastValueLine + 1; line < sourceLines.Length && IsCommentLine(sourceLines[line]) && sourceLines[line].IndexOf('#') == hash; line++)
            {
                lines.Add(sourceLines[line][(hash + 1)..].Trim());
            }

            var trailing = string.Join(' ', lines.Where(l => l.Length > 0));
            if (trailing.Length > 0)
            {
                return trailing;
            }
        }

        // The comment lines right above the key, at most as indented as the key (deeper ones continue the previous
        // key's trailing comment).
        var above = new List<string>();
        for (var line = keyLine - 1; line >= 0 && IsCommentLine(sourceLines[line]) && sourceLines[line].IndexOf('#') <= keyColumn; line--)
        {
            above.Insert(0, sourceLines[line].TrimStart().TrimStart('#').Trim());
        }

        return above.Count > 0 ? string.Join(' ', above) : null;
    }

    private static bool IsCommentLine(string line) => line.TrimStart().StartsWith('#');

    /// <summary>The index of the '#' that starts a trailing comment (preceded by a blank and outside quotes), or -1.</summary>
    private static int CommentStart(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && i > 0 && char.IsWhiteSpace(line[i - 1]))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Flatten(YamlNode node, string path, List<KeyValuePair<string, string>> entries)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    Flatten(value, path.Length == 0 ? ((YamlScalarNode)key).Value! : $"{path}.{((YamlScalarNode)key).Value}", entries);
                }

                break;
            case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                entries.Add(new(path, string.Join(", ", sequence.Children.Select(c => ((YamlScalarNode)c).Value))));
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Flatten(sequence.Children[i], $"{path}[{i}]", entries);
                }

                break;
            case YamlScalarNode scalar:
                entries.Add(new(path, scalar.Value ?? ""));
                break;
        }
    }

    private YamlNode? Find(string dottedPath)
    {
        YamlNode current = root;
        foreach (var key in dottedPath.Split('.'))
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            current = child;
        }

        return current;
    }

    private static string Serialize(YamlNode node)
    {
        var stream = new YamlStream(new YamlDocument(node));
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
