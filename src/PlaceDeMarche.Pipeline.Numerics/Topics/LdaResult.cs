using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Topics;

/// <summary>A fitted LDA topic model: per-document topic mixtures, per-topic word distributions and the fit quality.</summary>
public sealed class LdaResult
{
    internal LdaResult(DenseMatrix documentTopics, DenseMatrix topicWords, double logLikelihood, double perplexity, int iterations)
    {
        DocumentTopics = documentTopics;
        TopicWords = topicWords;
        LogLikelihood = logLikelihood;
        Perplexity = perplexity;
        Iterations = iterations;
    }

    /// <summary>Topic distribution of each document (documents × topics); every row sums to 1.</summary>
    public DenseMatrix DocumentTopics { get; }

    /// <summary>Word distribution of each topic (topics × words); every row sums to 1.</summary>
    public DenseMatrix TopicWords { get; }

    /// <summary>Log-likelihood of the training counts. Variational Bayes: the evidence lower bound, as scikit-learn's
    /// score. Gibbs sampling: Σ count · ln Σₜ θ(doc, t) φ(t, word) under the final point estimates.</summary>
    public double LogLikelihood { get; }

    /// <summary>exp(−<see cref="LogLikelihood"/> / total word count), as scikit-learn's perplexity for variational
    /// Bayes; lower is better.</summary>
    public double Perplexity { get; }

    /// <summary>EM iterations (variational Bayes) or sweeps (Gibbs sampling) run.</summary>
    public int Iterations { get; }

    /// <summary>Number of topics.</summary>
    public int TopicCount => TopicWords.Rows;

    /// <summary>The <paramref name="count"/> most probable words of <paramref name="topic"/>, most probable first
    /// (lower index first on ties); fewer when the vocabulary is smaller.</summary>
    public int[] TopTerms(int topic, int count)
    {
        if ((uint)topic >= (uint)TopicCount)
        {
            throw new ArgumentOutOfRangeException(nameof(topic), topic, $"The topic index must be in [0, {TopicCount}).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var weights = TopicWords.Row(topic).ToArray();
        var terms = Enumerable.Range(0, weights.Length).ToArray();
        Array.Sort(terms, (a, b) => weights[b] != weights[a] ? weights[b].CompareTo(weights[a]) : a.CompareTo(b));
        return terms[..Math.Min(count, terms.Length)];
    }
}
