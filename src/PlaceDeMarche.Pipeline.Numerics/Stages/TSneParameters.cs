using System.ComponentModel.DataAnnotations;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

public sealed class TSneParameters
{
    [Range(1.0, 1000.0)]
    public double Perplexity { get; set; } = 30;

    [Range(250, 100_000)]
    public int Iterations { get; set; } = 1000;

    [Range(1.0, 100.0)]
    public double EarlyExaggeration { get; set; } = 12;

    /// <summary><c>pca</c> (deterministic start) or <c>random</c> (a start per seed).</summary>
    [AllowedValues("pca", "random")]
    public string Init { get; set; } = "pca";
}
