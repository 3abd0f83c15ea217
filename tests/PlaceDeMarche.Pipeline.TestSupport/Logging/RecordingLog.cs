using PlaceDeMarche.Pipeline.Core.Logging;

namespace PlaceDeMarche.Pipeline.TestSupport.Logging;

/// <summary>Keeps every line, warnings prefixed with "warning: "; stages running side by side may log at the same time.</summary>
public sealed class RecordingLog : IPipelineLog
{
    private readonly List<string> lines = [];
    private readonly Lock gate = new();

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (gate)
            {
                return lines.ToArray();
            }
        }
    }

    public void Info(string message) => Add(message);

    public void Warning(string message) => Add("warning: " + message);

    public void Error(string message) => Add("error: " + message);

    public void Progress(string message) => Add(message);

    private void Add(string line)
    {
        lock (gate)
        {
            lines.Add(line);
        }
    }
}
