namespace PlaceDeMarche.Pipeline.Numerics.Stages;

public sealed class KMeansParameters
{
    public int Restarts { get; set; } = 10;

    public int MaxIterations { get; set; } = 300;
}
