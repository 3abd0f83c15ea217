using System.ComponentModel.DataAnnotations;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

public sealed class KMeansParameters
{
    [Range(1, 1000)]
    public int Restarts { get; set; } = 10;

    [Range(1, 100_000)]
    public int MaxIterations { get; set; } = 300;
}
