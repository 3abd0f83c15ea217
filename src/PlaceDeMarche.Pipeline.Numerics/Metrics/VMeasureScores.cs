namespace PlaceDeMarche.Pipeline.Numerics.Metrics;

/// <summary>Entropy-based cluster quality scores (Rosenberg &amp; Hirschberg 2007), each in [0, 1].</summary>
/// <param name="Homogeneity">1 when every cluster holds a single class.</param>
/// <param name="Completeness">1 when every class lies in a single cluster.</param>
/// <param name="VMeasure">Weighted harmonic mean of homogeneity and completeness.</param>
public sealed record VMeasureScores(double Homogeneity, double Completeness, double VMeasure);
