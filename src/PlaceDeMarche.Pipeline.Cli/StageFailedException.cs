namespace PlaceDeMarche.Pipeline.Cli;

/// <summary>A stage failed after the pipeline runner logged why; only the exit code remains to be set.</summary>
public sealed class StageFailedException : Exception
{
    public StageFailedException(Exception inner) : base(inner.Message, inner) { }
}
