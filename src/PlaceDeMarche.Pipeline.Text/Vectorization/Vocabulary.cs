namespace PlaceDeMarche.Pipeline.Text.Vectorization;

/// <summary>The terms of a vectorizer, in column order; a term's index is its column in the matrices.</summary>
public sealed class Vocabulary
{
    private readonly string[] terms;
    private readonly Dictionary<string, int> indexByTerm;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> spanLookup;

    /// <summary>Creates a vocabulary whose column i is <paramref name="terms"/>[i]; terms must be distinct and not null.</summary>
    public Vocabulary(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        this.terms = terms.ToArray();
        indexByTerm = new Dictionary<string, int>(this.terms.Length, StringComparer.Ordinal);
        for (var i = 0; i < this.terms.Length; i++)
        {
            var term = this.terms[i] ?? throw new ArgumentException($"Vocabulary term {i} is null.", nameof(terms));
            if (!indexByTerm.TryAdd(term, i))
                throw new ArgumentException($"Vocabulary term '{term}' appears twice (columns {indexByTerm[term]} and {i}); terms must be distinct.", nameof(terms));
        }
        spanLookup = indexByTerm.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The terms, by column.</summary>
    public IReadOnlyList<string> Terms => terms;

    /// <summary>Number of terms (matrix columns).</summary>
    public int Count => terms.Length;

    /// <summary>The term of column <paramref name="index"/>.</summary>
    public string this[int index] => terms[index];

    /// <summary>The column of <paramref name="term"/>, or -1 when it is not in the vocabulary.</summary>
    public int IndexOf(ReadOnlySpan<char> term) => spanLookup.TryGetValue(term, out var index) ? index : -1;
}
