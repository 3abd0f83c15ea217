namespace PlaceDeMarche.Pipeline.Supervised.Neural;

/// <summary>One point of the MLP's search grid: layer width, dropout, weight decay, learning rate and augmented copies per training photo.</summary>
public sealed record MlpCandidate(int Hidden, double Dropout, double WeightDecay, double LearningRate, int Copies)
{
    /// <summary>As the curves table and the report show it.</summary>
    public string Describe() => FormattableString.Invariant($"hidden={Hidden} dropout={Dropout:G3} weight_decay={WeightDecay:G3} learning_rate={LearningRate:G3} copies={Copies}");

    /// <summary>The trainer's options with this point's settings.</summary>
    public MlpOptions Apply(MlpOptions options) => options with { Hidden = Hidden, Dropout = Dropout, WeightDecay = WeightDecay, LearningRate = LearningRate };
}
