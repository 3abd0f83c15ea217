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

    /// <summary><c>auto</c> (exact below <see cref="BarnesHutThreshold"/> products, Barnes-Hut from it), <c>exact</c> or <c>barnes_hut</c>.</summary>
    [AllowedValues("auto", "exact", "barnes_hut")]
    public string Method { get; set; } = "auto";

    [Range(1, int.MaxValue)]
    public int BarnesHutThreshold { get; set; } = 5000;

    /// <summary>Barnes-Hut angle; at most 0.7 so a point's own cell never stands for it.</summary>
    [Range(0.01, 0.7)]
    public double Theta { get; set; } = 0.5;
}
