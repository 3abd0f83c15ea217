namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// Which rows one query has already measured, cleared in O(1) between queries: a row is marked when its stamp
/// equals the current query's generation. One per worker thread, reused query after query.
/// </summary>
internal sealed class CandidateMarks(int rows)
{
    private readonly int[] _stamps = new int[rows];
    private int _generation;

    /// <summary>Starts a new query: every row unmarked.</summary>
    public void Next()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamps);
            _generation = 1;
        }
    }

    /// <summary>Marks <paramref name="row"/>; false when it was marked already in this query.</summary>
    public bool TryMark(int row)
    {
        if (_stamps[row] == _generation)
        {
            return false;
        }

        _stamps[row] = _generation;
        return true;
    }
}
