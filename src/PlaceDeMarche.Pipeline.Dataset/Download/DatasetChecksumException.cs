namespace PlaceDeMarche.Pipeline.Dataset.Download;

/// <summary>The dataset's SHA-256 differs from the expected one. A downloaded file is deleted before this is thrown;
/// a local file given by the user is left alone.</summary>
public sealed class DatasetChecksumException : DatasetUnavailableException
{
    /// <summary>Creates the exception for <paramref name="filePath"/>.</summary>
    public DatasetChecksumException(string filePath, string expectedSha256, string actualSha256, bool fileDeleted)
        : base($"Checksum mismatch for {filePath}: expected SHA-256 {expectedSha256} but got {actualSha256}"
               + (fileDeleted ? "; the download was deleted." : "."))
    {
        FilePath = filePath;
        ExpectedSha256 = expectedSha256;
        ActualSha256 = actualSha256;
    }

    /// <summary>The file whose checksum was wrong.</summary>
    public string FilePath { get; }

    /// <summary>The checksum the caller asked for (lowercase hex).</summary>
    public string ExpectedSha256 { get; }

    /// <summary>The checksum of the bytes actually received (lowercase hex).</summary>
    public string ActualSha256 { get; }
}
