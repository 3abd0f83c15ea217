namespace PlaceDeMarche.Pipeline.Supervised.Neural;

/// <summary>One point of the MLP's search grid: layer width, dropout, weight decay and augmented copies per training photo.</summary>
public sealed record MlpCandidate(int Hidden, double Dropout, double WeightDecay, int Copies)
{
    /// <summary>As the curves table and the report show it.</summary>
    public string Describe() => FormattableString.Invariant($"hidden={Hidden} dropout={Dropout:G3} weight_decay={WeightDecay:G3} copies={Copies}");
}
