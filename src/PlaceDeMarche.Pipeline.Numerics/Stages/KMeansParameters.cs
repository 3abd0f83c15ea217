using System.ComponentModel.DataAnnotations;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

public sealed class KMeansParameters
{
    [Range(1, 1000)]
    public required int Restarts { get; set; }

    [Range(1, 100_000)]
    public required int MaxIterations { get; set; }
}
