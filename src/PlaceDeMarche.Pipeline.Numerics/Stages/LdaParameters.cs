using System.ComponentModel.DataAnnotations;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>The <c>text.lda</c> section of pipeline.yaml: LDA topics of the bag-of-words counts.</summary>
public sealed class LdaParameters
{
    /// <summary>Topics; one per category lets each topic be read as a candidate category (as NMF).</summary>
    public required int Components { get; set; }

    /// <summary><c>variational_bayes</c> (batch, scikit-learn's method) or <c>collapsed_gibbs</c> (token sampling).</summary>
    [AllowedValues("variational_bayes", "collapsed_gibbs")]
    public required string Method { get; set; }

    /// <summary>EM iterations of batch variational Bayes, or sweeps of Gibbs sampling, over the whole corpus.</summary>
    public required int MaxIterations { get; set; }
}
