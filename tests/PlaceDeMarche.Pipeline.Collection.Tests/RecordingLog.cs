using System.Collections.Concurrent;
using PlaceDeMarche.Pipeline.Core.Logging;

namespace PlaceDeMarche.Pipeline.Collection.Tests;

internal sealed class RecordingLog : IPipelineLog
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public void Info(string message) => Lines.Enqueue(message);

    public void Warning(string message) => Lines.Enqueue(message);

    public void Error(string message) => Lines.Enqueue(message);

    public void Progress(string message) => Lines.Enqueue(message);
}
