namespace PlaceDeMarche.Pipeline.Numerics.Evaluation;

/// <summary>The same representation scored with several seeds: each run, and the spread of the headline scores.</summary>
public sealed class SeededScores
{
    public SeededScores(IReadOnlyList<ScoringResult> runs)
    {
        if (runs.Count == 0)
        {
            throw new ArgumentException("At least one run is needed.", nameof(runs));
        }

        Runs = runs;
    }

    /// <summary>One result per seed, in seed order; the first is the one drawn in the report.</summary>
    public IReadOnlyList<ScoringResult> Runs { get; }

    public double Mean(Func<ScoringResult, double> score) => Runs.Average(score);

    /// <summary>Population standard deviation (0 for a single run), as numpy's default.</summary>
    public double StandardDeviation(Func<ScoringResult, double> score)
    {
        var mean = Mean(score);
        return Math.Sqrt(Runs.Average(run => (score(run) - mean) * (score(run) - mean)));
    }
}
