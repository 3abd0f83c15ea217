namespace PlaceDeMarche.Pipeline.Dataset.Download;

/// <summary>The dataset could not be fetched or verified. The one-line message says what failed and how to
/// point the pipeline at a local copy instead.</summary>
public class DatasetUnavailableException : Exception
{
    /// <summary>The advice appended to every message: these machines often have no internet access.</summary>
    public const string LocalCopyHint =
        "Download it manually and run `dotnet cake --dataset=<path-to-zip>`.";

    /// <summary>Creates the exception; <paramref name="problem"/> is one sentence, the hint is appended.</summary>
    public DatasetUnavailableException(string problem, Exception? innerException = null)
        : base($"{problem} {LocalCopyHint}", innerException)
    {
    }
}
