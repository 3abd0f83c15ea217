namespace PlaceDeMarche.Pipeline.Numerics.Topics;

/// <summary>Settings of <see cref="Lda"/> (defaults follow scikit-learn's LatentDirichletAllocation).</summary>
public sealed record LdaOptions
{
    /// <summary>Number of topics k ≥ 1.</summary>
    public required int Topics { get; init; }

    /// <summary>Dirichlet prior α of the document-topic distributions; null means 1 / k.</summary>
    public double? DocTopicPrior { get; init; }

    /// <summary>Dirichlet prior η of the topic-word distributions; null means 1 / k.</summary>
    public double? TopicWordPrior { get; init; }

    /// <summary>Inference method.</summary>
    public LdaMethod Method { get; init; } = LdaMethod.VariationalBayes;

    /// <summary>Passes over the corpus; null means 10 EM iterations for variational Bayes (scikit-learn's max_iter)
    /// and 200 sweeps for Gibbs sampling.</summary>
    public int? MaxIterations { get; init; }

    /// <summary>Variational Bayes only: maximum fixed-point updates of one document's topic parameters per E-step.</summary>
    public int MaxDocumentIterations { get; init; } = 100;

    /// <summary>Variational Bayes only: a document's E-step stops when its topic parameters change by less than this
    /// on average.</summary>
    public double MeanChangeTolerance { get; init; } = 1e-3;

    /// <summary>Seed of every random choice; the same seed gives the same result.</summary>
    public int Seed { get; init; }

    internal double ResolvedDocTopicPrior => DocTopicPrior ?? 1.0 / Topics;

    internal double ResolvedTopicWordPrior => TopicWordPrior ?? 1.0 / Topics;

    internal int ResolvedMaxIterations => MaxIterations ?? (Method == LdaMethod.VariationalBayes ? 10 : 200);

    internal void Validate()
    {
        if (Topics < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Topics), Topics, "At least one topic is needed.");
        }

        if (!(ResolvedDocTopicPrior > 0) || !(ResolvedTopicWordPrior > 0)
            || double.IsInfinity(ResolvedDocTopicPrior) || double.IsInfinity(ResolvedTopicWordPrior))
        {
            throw new ArgumentOutOfRangeException(
                nameof(DocTopicPrior),
                $"The Dirichlet priors must be positive and finite (got α = {ResolvedDocTopicPrior}, η = {ResolvedTopicWordPrior}).");
        }

        if (ResolvedMaxIterations < 1 || MaxDocumentIterations < 1 || !(MeanChangeTolerance >= 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxIterations),
                "LDA options need MaxIterations ≥ 1 (or null), MaxDocumentIterations ≥ 1 and MeanChangeTolerance ≥ 0.");
        }

        if (!Enum.IsDefined(Method))
        {
            throw new ArgumentOutOfRangeException(nameof(Method), Method, "Unknown LDA method.");
        }
    }
}
