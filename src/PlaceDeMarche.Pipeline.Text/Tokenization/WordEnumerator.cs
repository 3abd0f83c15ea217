namespace PlaceDeMarche.Pipeline.Text.Tokenization;

/// <summary>Allocation-free enumerator over the words of a text; see <see cref="WordTokenizer"/>.</summary>
public ref struct WordEnumerator
{
    private readonly ReadOnlySpan<char> text;
    private readonly WordTokenizer tokenizer;
    private int position;

    internal WordEnumerator(ReadOnlySpan<char> text, WordTokenizer tokenizer)
    {
        this.text = text;
        this.tokenizer = tokenizer;
    }

    /// <summary>The current word, a slice of the text.</summary>
    public ReadOnlySpan<char> Current { get; private set; }

    /// <summary>Returns this enumerator, so it can be used in <c>foreach</c>.</summary>
    public readonly WordEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next word; false at the end of the text.</summary>
    public bool MoveNext()
    {
        if (!SkipSeparators())
            return false;
        var start = position;
        while (true)
        {
            ConsumeWordCharacters();
            // A joiner only joins when a word character follows it directly.
            if (position + 1 < text.Length && tokenizer.IsJoiner(text[position])
                && WordTokenizer.WordCharLength(text, position + 1) > 0)
            {
                position++;
                continue;
            }
            break;
        }
        var word = text[start..position];
        if (tokenizer.Apostrophes == ApostrophePolicy.DropPossessive && word.EndsWith("'s", StringComparison.Ordinal))
            word = word[..^2];
        Current = word;
        return true;
    }

    /// <summary>Moves to the next word character; false at the end of the text.</summary>
    private bool SkipSeparators()
    {
        while (true)
        {
            // Vectorised jump over ASCII separators; only non-ASCII characters need a Unicode category lookup.
            var skipped = text[position..].IndexOfAnyExcept(WordTokenizer.AsciiSeparators);
            if (skipped < 0)
            {
                position = text.Length;
                return false;
            }
            position += skipped;
            if (char.IsAscii(text[position]) || WordTokenizer.WordCharLength(text, position) > 0)
                return true;
            position++;
        }
    }

    private void ConsumeWordCharacters()
    {
        while (true)
        {
            var length = text[position..].IndexOfAnyExcept(WordTokenizer.AsciiWordCharacters);
            if (length < 0)
            {
                position = text.Length;
                return;
            }
            position += length;
            if (char.IsAscii(text[position]) || (length = WordTokenizer.WordCharLength(text, position)) == 0)
                return;
            position += length;
        }
    }
}
