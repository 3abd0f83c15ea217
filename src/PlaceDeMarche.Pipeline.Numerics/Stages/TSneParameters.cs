namespace PlaceDeMarche.Pipeline.Numerics.Stages;

public sealed class TSneParameters
{
    public double Perplexity { get; set; } = 30;

    public int Iterations { get; set; } = 1000;

    public double EarlyExaggeration { get; set; } = 12;

    /// <summary><c>pca</c> (deterministic start) or <c>random</c> (a start per seed).</summary>
    public string Init { get; set; } = "pca";
}
