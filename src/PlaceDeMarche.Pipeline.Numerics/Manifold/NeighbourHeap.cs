namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// The k best (squared distance, index) candidates seen so far, as a bounded max-heap: ties are broken by index, so
/// the set kept does not depend on the order candidates arrive in. Reused query after query (no allocation).
/// </summary>
internal sealed class NeighbourHeap
{
    private readonly double[] _distances;
    private readonly int[] _indices;

    public NeighbourHeap(int capacity)
    {
        _distances = new double[capacity];
        _indices = new int[capacity];
    }

    public int Count { get; private set; }

    /// <summary>The largest kept squared distance, or +∞ while fewer than k candidates are kept.</summary>
    public double Bound => Count < _distances.Length ? double.PositiveInfinity : _distances[0];

    public void Clear() => Count = 0;

    /// <summary>Keeps the candidate if it is among the k best so far.</summary>
    public void Offer(double distance, int index)
    {
        if (Count < _distances.Length)
        {
            var position = Count++;
            while (position > 0)
            {
                var parent = (position - 1) / 2;
                if (!Before(_distances[parent], _indices[parent], distance, index))
                {
                    break;
                }

                _distances[position] = _distances[parent];
                _indices[position] = _indices[parent];
                position = parent;
            }

            _distances[position] = distance;
            _indices[position] = index;
            return;
        }

        if (!Before(distance, index, _distances[0], _indices[0]))
        {
            return;
        }

        SiftDown(_distances, _indices, distance, index, Count);
    }

    /// <summary>Writes the kept candidates nearest first and empties the heap.</summary>
    public void DrainSorted(Span<int> indices, Span<double> distances)
    {
        DrainSorted(_distances, _indices, Count, indices, distances);
        Count = 0;
    }

    /// <summary>Writes the <paramref name="count"/> entries of the heap held in <paramref name="heapDistances"/> and
    /// <paramref name="heapIndices"/> nearest first, destroying the heap.</summary>
    internal static void DrainSorted(Span<double> heapDistances, Span<int> heapIndices, int count, Span<int> indices, Span<double> distances)
    {
        for (var last = count - 1; last >= 0; last--)
        {
            indices[last] = heapIndices[0];
            distances[last] = heapDistances[0];
            SiftDown(heapDistances, heapIndices, heapDistances[last], heapIndices[last], last);
        }
    }

    /// <summary>Places (distance, index) from the root down in the heap of the first <paramref name="size"/> entries
    /// of <paramref name="distances"/> and <paramref name="indices"/>.</summary>
    internal static void SiftDown(Span<double> distances, Span<int> indices, double distance, int index, int size)
    {
        var position = 0;
        while (true)
        {
            var child = 2 * position + 1;
            if (child >= size)
            {
                break;
            }

            if (child + 1 < size && Before(distances[child], indices[child], distances[child + 1], indices[child + 1]))
            {
                child++;
            }

            if (!Before(distance, index, distances[child], indices[child]))
            {
                break;
            }

            distances[position] = distances[child];
            indices[position] = indices[child];
            position = child;
        }

        distances[position] = distance;
        indices[position] = index;
    }

    /// <summary>True when candidate a is nearer than candidate b.</summary>
    internal static bool Before(double distanceA, int indexA, double distanceB, int indexB) =>
        distanceA < distanceB || (distanceA == distanceB && indexA < indexB);
}
