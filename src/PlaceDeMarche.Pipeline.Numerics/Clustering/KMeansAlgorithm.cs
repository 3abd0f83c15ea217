namespace PlaceDeMarche.Pipeline.Numerics.Clustering;

/// <summary>How <see cref="KMeans"/> runs each restart's iterations; both give the same clustering.</summary>
public enum KMeansAlgorithm
{
    /// <summary>Lloyd's iterations with distance bounds (Hamerly 2010) that skip the rows whose centroid cannot have
    /// changed: the same assignments as <see cref="Lloyd"/>, far fewer distances once the centroids settle.</summary>
    Hamerly,

    /// <summary>Every row's distance to every centroid at every iteration (the reference).</summary>
    Lloyd,
}
