namespace PlaceDeMarche.Pipeline.Core.Logging;

/// <summary>Where stages say what they are doing. Progress lines may be dropped in quiet (CI) mode; the rest never are.</summary>
public interface IPipelineLog
{
    void Info(string message);

    void Warning(string message);

    void Error(string message);

    /// <summary>Intermediate progress; suppressed when the log is quiet.</summary>
    void Progress(string message);
}
