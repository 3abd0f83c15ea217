using System.ComponentModel.DataAnnotations;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

public sealed class TSneParameters
{
    [Range(1.0, 1000.0)]
    public required double Perplexity { get; set; }

    [Range(250, 100_000)]
    public required int Iterations { get; set; }

    [Range(1.0, 100.0)]
    public required double EarlyExaggeration { get; set; }

    /// <summary><c>pca</c> (deterministic start) or <c>random</c> (a start per seed).</summary>
    [AllowedValues("pca", "random")]
    public required string Init { get; set; }

    /// <summary><c>auto</c> (exact below <see cref="BarnesHutThreshold"/> products, Barnes-Hut from it), <c>exact</c> or <c>barnes_hut</c>.</summary>
    [AllowedValues("auto", "exact", "barnes_hut")]
    public required string Method { get; set; }

    [Range(1, int.MaxValue)]
    public required int BarnesHutThreshold { get; set; }

    /// <summary>Barnes-Hut angle; at most 0.7 so a point's own cell never stands for it.</summary>
    [Range(0.01, 0.7)]
    public required double Theta { get; set; }
}
