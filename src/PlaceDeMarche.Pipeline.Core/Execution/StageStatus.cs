namespace PlaceDeMarche.Pipeline.Core.Execution;

public enum StageStatus
{
    Ran,
    UpToDate,
    Failed,
}
