namespace PlaceDeMarche.Pipeline.Core.Logging;

/// <summary>Timestamped console log; errors go to standard error so a failing run says why on the console.</summary>
public sealed class ConsoleLog : IPipelineLog
{
    private readonly TextWriter output;
    private readonly TextWriter error;
    private readonly bool quiet;
    private readonly Lock gate = new();

    public ConsoleLog(TextWriter output, TextWriter error, bool quiet)
    {
        this.output = output;
        this.error = error;
        this.quiet = quiet;
    }

    public void Info(string message) => Write(output, "", message);

    public void Warning(string message) => Write(output, "warning: ", message);

    public void Error(string message) => Write(error, "error: ", message);

    public void Progress(string message)
    {
        if (!quiet)
        {
            Write(output, "", message);
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
