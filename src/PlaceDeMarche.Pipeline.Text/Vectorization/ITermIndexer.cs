namespace PlaceDeMarche.Pipeline.Text.Vectorization;

/// <summary>Maps a term to its column while counting; lets fitting (growing vocabulary) and transforming (fixed vocabulary) share one counting loop.</summary>
internal interface ITermIndexer
{
    /// <summary>The column of <paramref name="term"/>, or -1 to skip it. <paramref name="unigram"/> is the token string when the term is one, to reuse instead of allocating.</summary>
    int IndexOf(ReadOnlySpan<char> term, string? unigram);
}
