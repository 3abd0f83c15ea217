namespace PlaceDeMarche.Pipeline.Text.Stemming;

/// <summary>Reduces a word to its stem; implementations are stateless and thread-safe.</summary>
public interface IStemmer
{
    /// <summary>The stem of <paramref name="word"/> (given in lower case); the same instance when nothing changes.</summary>
    string Stem(string word);
}
