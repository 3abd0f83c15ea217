namespace PlaceDeMarche.Pipeline.Supervised.Stages;

/// <summary>One candidate of <c>supervised.mlp.candidates</c>.</summary>
public sealed class MlpCandidateParameters
{
    public int Hidden { get; set; }

    public double Dropout { get; set; }

    public double WeightDecay { get; set; }
}
