using PlaceDeMarche.Pipeline.Core.Logging;

namespace PlaceDeMarche.Pipeline.Core.Tests.Fakes;

public sealed class RecordingLog : IPipelineLog
{
    public List<string> Lines { get; } = [];

    public void Info(string message) => Lines.Add(message);

    public void Warning(string message) => Lines.Add("warning: " + message);

    public void Error(string message) => Lines.Add("error: " + message);

    public void Progress(string message) => Lines.Add(message);
}
