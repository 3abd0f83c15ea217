namespace PlaceDeMarche.Pipeline.Dataset.Csv;

/// <summary>Dialect of the CSV read by <see cref="CsvReader"/>; quotes are always '"' as in RFC 4180.</summary>
public sealed record CsvOptions
{
    /// <summary>Field separator; must not be '"', CR or LF.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>Whether the first record names the columns.</summary>
    public bool HasHeader { get; init; } = true;

    internal void Validate()
    {
        if (Separator is '"' or '\r' or '\n')
        {
            throw new ArgumentException(
                $"CsvOptions.Separator cannot be '{Separator.ToString().ReplaceLineEndings("\\n")}'.", nameof(Separator));
        }
    }
}
