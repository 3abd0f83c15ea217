namespace PlaceDeMarche.Pipeline.Cli;

/// <summary>Parsed command line: a command, its positional arguments and <c>--name[=value]</c> options.</summary>
public sealed class CommandLine
{
    private static readonly HashSet<string> Flags = ["force", "quiet", "verbose", "failed", "help"];
    private static readonly HashSet<string> Valued = ["workspace", "config", "dataset", "run-id", "target", "collect", "jobs", "image", "text", "model", "shard"];

    private readonly Dictionary<string, string?> options;

    private CommandLine(string command, IReadOnlyList<string> positional, Dictionary<string, string?> options)
    {
        Command = command;
        Positional = positional;
        this.options = options;
    }

    public string Command { get; }

    public IReadOnlyList<string> Positional { get; }

    public bool Has(string option) => options.ContainsKey(option);

    public string? Value(string option) => options.GetValueOrDefault(option);

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }

            var separator = arg.IndexOf('=');
            var name = separator < 0 ? arg[2..] : arg[2..separator];
            if (Flags.Contains(name))
            {
                if (separator >= 0)
                {
                    throw new UsageException($"--{name} takes no value.");
                }

                options[name] = null;
            }
            else if (Valued.Contains(name))
            {
                if (separator >= 0)
                {
                    options[name] = arg[(separator + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    options[name] = args[++i];
                }
                else
                {
                    throw new UsageException($"--{name} needs a value.");
                }
            }
            else
            {
                throw new UsageException($"Unknown option '{arg}'.");
            }
        }

        var command = positional.Count > 0 ? positional[0] : "help";
        return new CommandLine(command, positional.Skip(1).ToArray(), options);
    }
}
