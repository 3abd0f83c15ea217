namespace PlaceDeMarche.Pipeline.Dataset.Archives;

/// <summary>A file written by <see cref="SafeZipExtractor"/>.</summary>
/// <param name="RelativePath">Path below the target folder, '/'-separated, as normalised from the entry name.</param>
/// <param name="Size">Size in bytes.</param>
public sealed record ExtractedFile(string RelativePath, long Size);
