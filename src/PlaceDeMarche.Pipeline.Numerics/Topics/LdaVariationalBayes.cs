using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Topics;

/// <summary>
/// Batch variational Bayes for LDA, step for step as scikit-learn's learning_method='batch': γ (document-topic) and
/// λ (topic-word) are variational Dirichlet parameters. Topic-word arrays are stored word-major (words × topics) so
/// that each word's k topic values are contiguous for the SIMD kernels. The E-step is parallel over documents (each
/// document is independent); the M-step is parallel over words, each word summing its documents in index order.
/// </summary>
internal static class LdaVariationalBayes
{
    private const int ChunkDocuments = 32;
    private const int ChunkWords = 512;
    private const double MachineEpsilon = 2.220446049250313e-16;

    // scikit-learn draws the initial λ and every E-step's initial γ from Gamma(100, 1/100): close to 1, slightly
    // perturbed to break the symmetry between topics.
    private const double InitialShape = 100.0;

    public static LdaResult Fit(SparseRowMatrix counts, LdaOptions options)
    {
        int n = counts.Rows, d = counts.Columns, k = options.Topics;
        var alpha = options.ResolvedDocTopicPrior;
        var eta = options.ResolvedTopicWordPrior;
        var transposed = counts.Transpose(out var sourceEntries);
        var random = Xoshiro256StarStar.ForStream(options.Seed, 0);

        var lambda = new double[d * k];
        FillGamma(lambda, random);
        var expElogBeta = new double[d * k];
        TopicWordExpectation(lambda, d, k, expElogBeta);

        var gamma = new double[n * k];
        var expElogTheta = new double[n * k];
        var ratios = new double[counts.NonZeroCount];
        var iterations = options.ResolvedMaxIterations;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            FillGamma(gamma, random);
            ExpectationStep(counts, expElogBeta, k, alpha, options, gamma, expElogTheta, ratios);

            // λ(t, w) = η + Σ_docs count / norm · exp(E[log θ]) · exp(E[log β]).
            Parallel.For(0, (d + ChunkWords - 1) / ChunkWords, chunk =>
            {
                var end = Math.Min(d, (chunk + 1) * ChunkWords);
                for (var w = chunk * ChunkWords; w < end; w++)
                {
                    var row = lambda.AsSpan(w * k, k);
                    row.Clear();
                    var documents = transposed.Row(w).ColumnIndices;
                    var offset = transposed.RowPointers[w];
                    for (var e = 0; e < documents.Length; e++)
                    {
                        VectorKernels.AddScaled(
                            row, expElogTheta.AsSpan(documents[e] * k, k), ratios[sourceEntries[offset + e]]);
                    }

                    for (var t = 0; t < k; t++)
                    {
                        row[t] = eta + row[t] * expElogBeta[w * k + t];
                    }
                }
            });
            TopicWordExpectation(lambda, d, k, expElogBeta);
        }

        // Final document topics as scikit-learn's transform: the E-step from a uniform start, no randomness.
        Array.Fill(gamma, 1.0);
        ExpectationStep(counts, expElogBeta, k, alpha, options, gamma, expElogTheta, ratios);
        var bound = EvidenceLowerBound(counts, gamma, lambda, k, alpha, eta);
        var words = counts.Sum();
        return new LdaResult(
            Lda.NormalizeRows(gamma, n, k),
            Lda.NormalizeRows(MatrixProducts.Transpose(lambda, d, k), k, d),
            bound,
            Math.Exp(-bound / words),
            iterations);
    }

    /// <summary>
    /// Fixed-point updates of each document's γ (starting from the given values) until its mean absolute change falls
    /// below tolerance; stores exp(E[log θ]) and, per stored entry, count / (exp(E[log θ]) · exp(E[log β_word])).
    /// </summary>
    private static void ExpectationStep(
        SparseRowMatrix counts,
        double[] expElogBeta,
        int k,
        double alpha,
        LdaOptions options,
        double[] gamma,
        double[] expElogTheta,
        double[] ratios)
    {
        var n = counts.Rows;
        Parallel.For(0, (n + ChunkDocuments - 1) / ChunkDocuments, chunk =>
        {
            var previous = new double[k];
            var accumulator = new double[k];
            var end = Math.Min(n, (chunk + 1) * ChunkDocuments);
            for (var doc = chunk * ChunkDocuments; doc < end; doc++)
            {
                var (words, values) = counts.Row(doc);
                var topics = gamma.AsSpan(doc * k, k);
                var expTheta = expElogTheta.AsSpan(doc * k, k);
                DirichletExpectation(topics, expTheta);
                for (var iteration = 0; iteration < options.MaxDocumentIterations; iteration++)
                {
                    topics.CopyTo(previous);
                    Array.Clear(accumulator);
                    for (var e = 0; e < words.Length; e++)
                    {
                        var beta = expElogBeta.AsSpan(words[e] * k, k);
                        var norm = VectorKernels.Dot(expTheta, beta) + MachineEpsilon;
                        VectorKernels.AddScaled(accumulator, beta, values[e] / norm);
                    }

                    var change = 0.0;
                    for (var t = 0; t < k; t++)
                    {
                        topics[t] = expTheta[t] * accumulator[t] + alpha;
                        change += Math.Abs(topics[t] - previous[t]);
                    }

                    DirichletExpectation(topics, expTheta);
                    if (change / k < options.MeanChangeTolerance)
                    {
                        break;
                    }
                }

                var offset = counts.RowPointers[doc];
                for (var e = 0; e < words.Length; e++)
                {
                    var norm = VectorKernels.Dot(expTheta, expElogBeta.AsSpan(words[e] * k, k)) + MachineEpsilon;
                    ratios[offset + e] = values[e] / norm;
                }
            }
        });
    }

    /// <summary>exp(E[log x]) for x ~ Dirichlet(<paramref name="parameters"/>): exp(ψ(aₜ) − ψ(Σ a)).</summary>
    private static void DirichletExpectation(ReadOnlySpan<double> parameters, Span<double> result)
    {
        var total = 0.0;
        foreach (var value in parameters)
        {
            total += value;
        }

        var digammaTotal = LdaSpecialFunctions.Digamma(total);
        for (var t = 0; t < parameters.Length; t++)
        {
            result[t] = Math.Exp(LdaSpecialFunctions.Digamma(parameters[t]) - digammaTotal);
        }
    }

    /// <summary>exp(E[log β]) for every topic's Dirichlet(λ(t, ·)), word-major like <paramref name="lambda"/>.</summary>
    private static void TopicWordExpectation(double[] lambda, int d, int k, double[] result)
    {
        var digammaTotals = TopicDigammaTotals(lambda, d, k);
        Parallel.For(0, (d + ChunkWords - 1) / ChunkWords, chunk =>
        {
            var end = Math.Min(d, (chunk + 1) * ChunkWords) * k;
            for (var index = chunk * ChunkWords * k; index < end; index++)
            {
                result[index] = Math.Exp(LdaSpecialFunctions.Digamma(lambda[index]) - digammaTotals[index % k]);
            }
        });
    }

    /// <summary>ψ(Σ_w λ(t, w)) for each topic, the sums taken in word order.</summary>
    private static double[] TopicDigammaTotals(double[] lambda, int d, int k)
    {
        var totals = new double[k];
        for (var w = 0; w < d; w++)
        {
            VectorKernels.AddScaled(totals, lambda.AsSpan(w * k, k), 1.0);
        }

        for (var t = 0; t < k; t++)
        {
            totals[t] = LdaSpecialFunctions.Digamma(totals[t]);
        }

        return totals;
    }

    /// <summary>
    /// scikit-learn's approximate bound (its score): E[log p(counts | θ, β)] + E[log p(θ | α) − log q(θ | γ)]
    /// + E[log p(β | η) − log q(β | λ)], where the first term uses the variational optimum of the word assignments.
    /// </summary>
    private static double EvidenceLowerBound(
        SparseRowMatrix counts, double[] gamma, double[] lambda, int k, double alpha, double eta)
    {
        int n = counts.Rows, d = counts.Columns;
        var elogTheta = new double[n * k];
        for (var doc = 0; doc < n; doc++)
        {
            var parameters = gamma.AsSpan(doc * k, k);
            var total = 0.0;
            foreach (var value in parameters)
            {
                total += value;
            }

            var digammaTotal = LdaSpecialFunctions.Digamma(total);
            for (var t = 0; t < k; t++)
            {
                elogTheta[doc * k + t] = LdaSpecialFunctions.Digamma(parameters[t]) - digammaTotal;
            }
        }

        var digammaTotals = TopicDigammaTotals(lambda, d, k);
        var elogBeta = new double[d * k];
        for (var index = 0; index < elogBeta.Length; index++)
        {
            elogBeta[index] = LdaSpecialFunctions.Digamma(lambda[index]) - digammaTotals[index % k];
        }

        // Σ count · log Σₜ exp(E[log θ] + E[log β]), per chunk of documents, chunks added in order.
        var partials = new double[(n + ChunkDocuments - 1) / ChunkDocuments];
        Parallel.For(0, partials.Length, chunk =>
        {
            var terms = new double[k];
            var sum = 0.0;
            var end = Math.Min(n, (chunk + 1) * ChunkDocuments);
            for (var doc = chunk * ChunkDocuments; doc < end; doc++)
            {
                var (words, values) = counts.Row(doc);
                for (var e = 0; e < words.Length; e++)
                {
                    var largest = double.NegativeInfinity;
                    for (var t = 0; t < k; t++)
                    {
                        terms[t] = elogTheta[doc * k + t] + elogBeta[words[e] * k + t];
                        largest = Math.Max(largest, terms[t]);
                    }

                    var exponentials = 0.0;
                    for (var t = 0; t < k; t++)
                    {
                        exponentials += Math.Exp(terms[t] - largest);
                    }

                    sum += values[e] * (largest + Math.Log(exponentials));
                }
            }

            partials[chunk] = sum;
        });

        var bound = 0.0;
        foreach (var partial in partials)
        {
            bound += partial;
        }

        bound += DirichletTerm(gamma, elogTheta, n, k, alpha, rowsAreContiguous: true);
        bound += DirichletTerm(lambda, elogBeta, k, d, eta, rowsAreContiguous: false);
        return bound;
    }

    /// <summary>E[log p(x | prior) − log q(x | parameters)] summed over Dirichlet rows: the parameters are rows ×
    /// size, stored row-major or (when <paramref name="rowsAreContiguous"/> is false) column-major.</summary>
    private static double DirichletTerm(
        double[] parameters, double[] expectedLogs, int rows, int size, double prior, bool rowsAreContiguous)
    {
        var score = 0.0;
        var rowTotals = new double[rows];
        for (var index = 0; index < parameters.Length; index++)
        {
            var value = parameters[index];
            score += (prior - value) * expectedLogs[index]
                + LdaSpecialFunctions.LogGamma(value) - LdaSpecialFunctions.LogGamma(prior);
            rowTotals[rowsAreContiguous ? index / size : index % rows] += value;
        }

        var logGammaPriorTotal = LdaSpecialFunctions.LogGamma(prior * size);
        foreach (var total in rowTotals)
        {
            score += logGammaPriorTotal - LdaSpecialFunctions.LogGamma(total);
        }

        return score;
    }

    private static void FillGamma(double[] values, Xoshiro256StarStar random)
    {
        for (var index = 0; index < values.Length; index++)
        {
            values[index] = random.NextGamma(InitialShape) / InitialShape;
        }
    }
}
