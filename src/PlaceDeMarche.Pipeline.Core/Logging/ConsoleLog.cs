namespace PlaceDeMarche.Pipeline.Core.Logging;

/// <summary>Timestamped console log; errors go to standard error so a failing run says why on the console.</summary>
public sealed class ConsoleLog : IPipelineLog
{
    private readonly bool quiet;
    private readonly object gate = new();

    public ConsoleLog(bool quiet)
    {
        this.quiet = quiet;
    }

    public void Info(string message) => Write(Console.Out, "", message);

    public void Warning(string message) => Write(Console.Out, "warning: ", message);

    public void Error(string message) => Write(Console.Error, "error: ", message);

    public void Progress(string message)
    {
        if (!quiet)
        {
            Write(Console.Out, "", message);
        }
    }

    private void Write(TextWriter writer, string prefix, string message)
    {
        lock (gate)
        {
            writer.WriteLine($"{DateTime.Now:HH:mm:ss} {prefix}{message}");
        }
    }
}
