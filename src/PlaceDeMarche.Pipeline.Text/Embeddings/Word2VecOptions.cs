namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>
/// Skip-gram with negative sampling hyper-parameters (Mikolov et al. 2013); defaults are those of the reference
/// word2vec tool and gensim, except <see cref="MinCount"/> which suits a corpus of about a thousand descriptions.
/// </summary>
public sealed record Word2VecOptions
{
    /// <summary>Length of each word vector.</summary>
    public int Dimensions { get; init; } = 100;

    /// <summary>Largest distance between the centre word and a context word; each centre draws a window in 1..Window.</summary>
    public int Window { get; init; } = 5;

    /// <summary>Noise words drawn per (centre, context) pair.</summary>
    public int Negative { get; init; } = 5;

    /// <summary>Words seen fewer times are dropped from the vocabulary.</summary>
    public int MinCount { get; init; } = 2;

    /// <summary>Sub-sampling threshold of frequent words (0 disables sub-sampling).</summary>
    public double Sample { get; init; } = 1e-3;

    /// <summary>Passes over the corpus.</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>Learning rate at the start of training; it decays linearly to <see cref="MinLearningRate"/>.</summary>
    public float InitialLearningRate { get; init; } = 0.025f;

    /// <summary>Learning rate reached at the end of training.</summary>
    public float MinLearningRate { get; init; } = 0.0001f;

    /// <summary>Exponent applied to word counts in the noise distribution.</summary>
    public double NoiseExponent { get; init; } = 0.75;

    /// <summary>Seed of every random draw (initialisation, window shrinking, sub-sampling, noise words).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Throws when an option is out of its range, naming it.</summary>
    public void Validate()
    {
        Require(Dimensions > 0, nameof(Dimensions), "must be positive");
        Require(Window > 0, nameof(Window), "must be positive");
        Require(Negative > 0, nameof(Negative), "must be positive");
        Require(MinCount > 0, nameof(MinCount), "must be positive");
        Require(Sample >= 0 && double.IsFinite(Sample), nameof(Sample), "must be a finite number >= 0");
        Require(Epochs > 0, nameof(Epochs), "must be positive");
        Require(InitialLearningRate > 0 && float.IsFinite(InitialLearningRate), nameof(InitialLearningRate), "must be a finite positive number");
        Require(MinLearningRate >= 0 && MinLearningRate <= InitialLearningRate, nameof(MinLearningRate), "must lie in [0, InitialLearningRate]");
        Require(NoiseExponent >= 0 && double.IsFinite(NoiseExponent), nameof(NoiseExponent), "must be a finite number >= 0");
    }

    private static void Require(bool condition, string option, string rule)
    {
        if (!condition)
            throw new ArgumentOutOfRangeException(option, $"Word2Vec option {option} {rule}.");
    }
}
