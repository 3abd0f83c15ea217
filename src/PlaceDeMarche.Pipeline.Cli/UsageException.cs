namespace PlaceDeMarche.Pipeline.Cli;

/// <summary>The command line is wrong; the message says how, and usage is printed after it.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }
}
