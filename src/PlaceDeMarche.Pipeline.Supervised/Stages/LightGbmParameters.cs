using PlaceDeMarche.Pipeline.Supervised.Boosted;

namespace PlaceDeMarche.Pipeline.Supervised.Stages;

/// <summary>The <c>supervised.lightgbm</c> section of pipeline.yaml; an empty learning-rate list skips the model.</summary>
public sealed class LightGbmParameters
{
    public List<double> LearningRates { get; set; } = [];

    public int Iterations { get; set; } = 100;

    public int Leaves { get; set; } = 15;

    public int MinLeafExamples { get; set; } = 5;

    public int Threads { get; set; } = 1;

    public LightGbmOptions ToOptions() => new()
    {
        Iterations = Iterations,
        Leaves = Leaves,
        MinimumExampleCountPerLeaf = MinLeafExamples,
        Threads = Threads,
    };
}
