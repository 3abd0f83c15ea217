namespace PlaceDeMarche.Pipeline.Numerics.Topics;

/// <summary>How <see cref="Lda"/> infers the topics.</summary>
public enum LdaMethod
{
    /// <summary>Batch variational Bayes (Hoffman, Blei &amp; Bach 2010), as scikit-learn's learning_method='batch':
    /// every iteration runs the per-document E-step on the whole corpus, then sets the topic-word parameters.</summary>
    VariationalBayes,

    /// <summary>Collapsed Gibbs sampling (Griffiths &amp; Steyvers 2004) over word tokens; counts must be integers.
    /// Documents are split into a fixed number of partitions sampled in parallel against a copy of the topic-word
    /// counts that is merged after every sweep (AD-LDA, Newman et al. 2009).</summary>
    CollapsedGibbs,
}
