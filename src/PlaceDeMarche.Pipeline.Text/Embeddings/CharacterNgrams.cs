namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>
/// fastText's subwords: the character n-grams of "&lt;word&gt;" (boundary markers added) whose length is between
/// minN and maxN, in order of start position then length. Lengths count Unicode scalar values, so a surrogate pair
/// is never split.
/// </summary>
public static class CharacterNgrams
{
    /// <summary>Marker prepended to a word before its n-grams are taken.</summary>
    public const char BeginMarker = '<';

    /// <summary>Marker appended to a word before its n-grams are taken.</summary>
    public const char EndMarker = '>';

    /// <summary>The n-grams of <paramref name="word"/>, lengths <paramref name="minN"/>..<paramref name="maxN"/>.</summary>
    public static string[] Extract(string word, int minN, int maxN)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        ArgumentOutOfRangeException.ThrowIfLessThan(minN, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxN, minN);
        var marked = BeginMarker + word + EndMarker;
        var starts = new List<int>(marked.Length + 1);
        for (var i = 0; i < marked.Length; i++)
        {
            if (!char.IsLowSurrogate(marked[i]))
                starts.Add(i);
        }

        var scalarCount = starts.Count;
        starts.Add(marked.Length);
        var ngrams = new List<string>();
        for (var first = 0; first < scalarCount; first++)
        {
            for (var length = minN; length <= maxN && first + length <= scalarCount; length++)
                ngrams.Add(marked[starts[first]..starts[first + length]]);
        }

        return ngrams.ToArray();
    }
}
