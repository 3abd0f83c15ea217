namespace PlaceDeMarche.Pipeline.Core.Logging;

/// <summary>Drops every line: for a step whose messages another step repeats (e.g. a stage's fingerprint, then its run).</summary>
public sealed class SilentLog : IPipelineLog
{
    public static readonly SilentLog Instance = new();

    private SilentLog()
    {
    }

    public void Info(string message)
    {
    }

    public void Warning(string message)
    {
    }

    public void Error(string message)
    {
    }

    public void Progress(string message)
    {
    }
}
