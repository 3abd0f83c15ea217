namespace PlaceDeMarche.Pipeline.Dataset.Archives;

/// <summary>Resource limits that protect <see cref="SafeZipExtractor"/> from hostile or broken archives.
/// The defaults fit the study's dataset (about 1 050 entries, 180 MB) with a wide margin.</summary>
public sealed record ZipExtractionLimits
{
    /// <summary>Most entries (files and folders) accepted.</summary>
    public int MaxEntries { get; init; } = 20_000;

    /// <summary>Most uncompressed bytes accepted over all entries.</summary>
    public long MaxTotalBytes { get; init; } = 4L << 30;

    /// <summary>Highest uncompressed/compressed size ratio accepted for one entry (zip-bomb guard).</summary>
    public double MaxCompressionRatio { get; init; } = 100;

    /// <summary>Entries smaller than this are exempt from the ratio check: a small, very compressible file is
    /// harmless, and text easily exceeds the ratio.</summary>
    public long CompressionRatioMinimumBytes { get; init; } = 1L << 20;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxEntries, nameof(MaxEntries));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTotalBytes, nameof(MaxTotalBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCompressionRatio, 1.0, nameof(MaxCompressionRatio));
        ArgumentOutOfRangeException.ThrowIfNegative(CompressionRatioMinimumBytes, nameof(CompressionRatioMinimumBytes));
    }
}
