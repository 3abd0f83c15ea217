using PlaceDeMarche.Pipeline.Supervised.Boosted;

namespace PlaceDeMarche.Pipeline.Supervised.Stages;

/// <summary>The <c>supervised.lightgbm</c> section of pipeline.yaml; an empty learning-rate list skips the model.</summary>
public sealed class LightGbmParameters
{
    public required List<double> LearningRates { get; set; }

    public required int Iterations { get; set; }

    public required int Leaves { get; set; }

    public required int MinLeafExamples { get; set; }

    public required int Threads { get; set; }

    public LightGbmOptions ToOptions() => new()
    {
        Iterations = Iterations,
        Leaves = Leaves,
        MinimumExampleCountPerLeaf = MinLeafExamples,
        Threads = Threads,
    };
}
