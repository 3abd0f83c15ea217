namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// The <see cref="K"/> nearest neighbours found for every row, row-major (row i at i × K), nearest first with their
/// squared distances; <see cref="Recall"/> is the share of the true k nearest neighbours among them: 1 for the exact
/// searches, estimated on a sample of rows for <see cref="ApproximateNeighbourSearch"/>.
/// </summary>
internal sealed record NeighbourGraph(int K, int[] Neighbours, double[] Distances, double Recall)
{
    public int Rows => Neighbours.Length / K;
}
