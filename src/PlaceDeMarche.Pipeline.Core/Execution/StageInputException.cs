namespace PlaceDeMarche.Pipeline.Core.Execution;

/// <summary>A stage's input has not been produced yet, or was changed after its producer wrote it.</summary>
public sealed class StageInputException : Exception
{
    public StageInputException(string message) : base(message) { }
}
