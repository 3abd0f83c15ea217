namespace PlaceDeMarche.Pipeline.Supervised.Stages;

/// <summary>One candidate of <c>supervised.mlp.candidates</c>.</summary>
public sealed class MlpCandidateParameters
{
    public required int Hidden { get; set; }

    public required double Dropout { get; set; }

    public required double WeightDecay { get; set; }

    public required double LearningRate { get; set; }
}
