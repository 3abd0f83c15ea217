namespace PlaceDeMarche.Pipeline.Parquet.Tests;

/// <summary>A uniquely named file in the temp folder, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pdm-parquet-{Guid.NewGuid():N}.parquet");

    public void Dispose() => File.Delete(Path);
}
