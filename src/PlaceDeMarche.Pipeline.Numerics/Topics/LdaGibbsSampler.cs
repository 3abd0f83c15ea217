using System.Runtime.Intrinsics;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Topics;

/// <summary>
/// Collapsed Gibbs sampling for LDA with approximate distributed sweeps (AD-LDA): the documents are cut into a fixed
/// number of partitions, each sampled by one task against its own copy of the word-topic counts, and the copies'
/// changes are added back after every sweep. Counts are whole numbers (held as doubles so the sampling weights
/// vectorise), so the merge is exact; the partition count and
/// every partition's random stream are fixed by the seed, so the result does not depend on the machine or on
/// thread scheduling.
/// </summary>
internal static class LdaGibbsSampler
{
    private const int Partitions = 4;

    public static LdaResult Fit(SparseRowMatrix counts, LdaOptions options)
    {
        int n = counts.Rows, d = counts.Columns, k = options.Topics;
        var alpha = options.ResolvedDocTopicPrior;
        var eta = options.ResolvedTopicWordPrior;
        var (documentStarts, tokenWords) = ExpandTokens(counts);
        var tokenCount = tokenWords.Length;

        var random = Xoshiro256StarStar.ForStream(options.Seed, 0);
        var tokenTopics = new int[tokenCount];
        var documentTopics = new double[n * k];
        var wordTopics = new double[d * k];
        var topicTotals = new double[k];
        for (var doc = 0; doc < n; doc++)
        {
            for (var token = documentStarts[doc]; token < documentStarts[doc + 1]; token++)
            {
                var topic = random.NextInt(k);
                tokenTopics[token] = topic;
                documentTopics[doc * k + topic]++;
                wordTopics[tokenWords[token] * k + topic]++;
                topicTotals[topic]++;
            }
        }

        var partitionStarts = PartitionDocuments(documentStarts, Math.Min(Partitions, n));
        var partitionCount = partitionStarts.Length - 1;
        var localWordTopics = new double[partitionCount][];
        var localTopicTotals = new double[partitionCount][];
        for (var p = 0; p < partitionCount; p++)
        {
            localWordTopics[p] = new double[d * k];
            localTopicTotals[p] = new double[k];
        }

        var sweeps = options.ResolvedMaxIterations;
        var wordPriorTotal = d * eta;
        for (var sweep = 0; sweep < sweeps; sweep++)
        {
            var sweepIndex = sweep;
            Parallel.For(0, partitionCount, p =>
            {
                var wordCounts = localWordTopics[p];
                var totals = localTopicTotals[p];
                wordTopics.CopyTo(wordCounts, 0);
                topicTotals.CopyTo(totals, 0);
                var stream = Xoshiro256StarStar.ForStream(options.Seed, unchecked(1 + sweepIndex * partitionCount + p));
                var weights = new double[k];
                var inverseTotals = new double[k];
                for (var t = 0; t < k; t++)
                {
                    inverseTotals[t] = 1.0 / (totals[t] + wordPriorTotal);
                }

                for (var doc = partitionStarts[p]; doc < partitionStarts[p + 1]; doc++)
                {
                    var docCounts = documentTopics.AsSpan(doc * k, k);
                    for (var token = documentStarts[doc]; token < documentStarts[doc + 1]; token++)
                    {
                        var wordRow = wordCounts.AsSpan(tokenWords[token] * k, k);
                        var topic = tokenTopics[token];
                        docCounts[topic]--;
                        wordRow[topic]--;
                        inverseTotals[topic] = 1.0 / (--totals[topic] + wordPriorTotal);

                        // p(t) ∝ (n_doc,t + α)(n_word,t + η) / (n_t + Wη), sampled by walking down the weights.
                        var remaining = stream.NextDouble() * TopicWeights(docCounts, wordRow, inverseTotals, alpha, eta, weights);
                        topic = 0;
                        while (topic < k - 1 && (remaining -= weights[topic]) >= 0.0)
                        {
                            topic++;
                        }

                        tokenTopics[token] = topic;
                        docCounts[topic]++;
                        wordRow[topic]++;
                        inverseTotals[topic] = 1.0 / (++totals[topic] + wordPriorTotal);
                    }
                }
            });
            MergePartitionCounts(wordTopics, localWordTopics);
            MergePartitionCounts(topicTotals, localTopicTotals);
        }

        var theta = new double[n * k];
        for (var index = 0; index < theta.Length; index++)
        {
            theta[index] = documentTopics[index] + alpha;
        }

        var phi = new double[k * d];
        for (var w = 0; w < d; w++)
        {
            for (var t = 0; t < k; t++)
            {
                phi[t * d + w] = wordTopics[w * k + t] + eta;
            }
        }

        var documentTopicDistribution = Lda.NormalizeRows(theta, n, k);
        var topicWordDistribution = Lda.NormalizeRows(phi, k, d);
        var logLikelihood = PointLogLikelihood(counts, documentTopicDistribution, topicWordDistribution);
        return new LdaResult(
            documentTopicDistribution, topicWordDistribution, logLikelihood, Math.Exp(-logLikelihood / tokenCount), sweeps);
    }

    /// <summary>Fills <paramref name="weights"/> with (docCounts + α)(wordCounts + η)·inverseTotals and returns their
    /// sum, with fixed 256-bit lanes and a fixed summation order (see <see cref="VectorKernels"/>).</summary>
    private static double TopicWeights(
        ReadOnlySpan<double> docCounts,
        ReadOnlySpan<double> wordCounts,
        ReadOnlySpan<double> inverseTotals,
        double alpha,
        double eta,
        Span<double> weights)
    {
        var k = weights.Length;
        var alphas = Vector256.Create(alpha);
        var etas = Vector256.Create(eta);
        var sums = Vector256<double>.Zero;
        var t = 0;
        for (; t <= k - 4; t += 4)
        {
            var weight = (Vector256.Create(docCounts.Slice(t, 4)) + alphas)
                * (Vector256.Create(wordCounts.Slice(t, 4)) + etas)
                * Vector256.Create(inverseTotals.Slice(t, 4));
            weight.CopyTo(weights.Slice(t, 4));
            sums += weight;
        }

        var total = VectorKernels.HorizontalSum(sums);
        for (; t < k; t++)
        {
            weights[t] = (docCounts[t] + alpha) * (wordCounts[t] + eta) * inverseTotals[t];
            total += weights[t];
        }

        return total;
    }

    /// <summary>One token per unit of count, grouped by document; throws when a count is not a whole number.</summary>
    private static (int[] DocumentStarts, int[] TokenWords) ExpandTokens(SparseRowMatrix counts)
    {
        var documentStarts = new int[counts.Rows + 1];
        long total = 0;
        for (var doc = 0; doc < counts.Rows; doc++)
        {
            var (words, values) = counts.Row(doc);
            for (var e = 0; e < values.Length; e++)
            {
                if (values[e] != MathF.Floor(values[e]))
                {
                    throw new ArgumentException(
                        $"Gibbs-sampled LDA needs whole-number counts but row {doc}, column {words[e]} holds {values[e]}; "
                        + "use raw term counts (not TF-IDF) or the variational Bayes method.");
                }

                total += (long)values[e];
            }

            if (total > Array.MaxLength)
            {
                throw new ArgumentException(
                    $"The corpus has more than {Array.MaxLength} tokens (reached at row {doc}); too many for Gibbs sampling.");
            }

            documentStarts[doc + 1] = (int)total;
        }

        var tokenWords = new int[total];
        var position = 0;
        for (var doc = 0; doc < counts.Rows; doc++)
        {
            var (words, values) = counts.Row(doc);
            for (var e = 0; e < values.Length; e++)
            {
                tokenWords.AsSpan(position, (int)values[e]).Fill(words[e]);
                position += (int)values[e];
            }
        }

        return (documentStarts, tokenWords);
    }

    /// <summary>Cuts the documents into <paramref name="partitions"/> contiguous ranges of about equal token counts.</summary>
    private static int[] PartitionDocuments(int[] documentStarts, int partitions)
    {
        var documents = documentStarts.Length - 1;
        var tokens = (long)documentStarts[documents];
        var starts = new int[partitions + 1];
        var doc = 0;
        for (var p = 1; p < partitions; p++)
        {
            // Leave at least one document for each remaining partition.
            while (doc < documents - (partitions - p) && documentStarts[doc] < tokens * p / partitions)
            {
                doc++;
            }

            starts[p] = Math.Max(doc, starts[p - 1] + 1);
            doc = starts[p];
        }

        starts[partitions] = documents;
        return starts;
    }

    /// <summary>global ← global + Σ_p (local_p − global): every partition's changes, added exactly.</summary>
    private static void MergePartitionCounts(double[] global, double[][] locals)
    {
        for (var index = 0; index < global.Length; index++)
        {
            var value = global[index];
            var merged = value;
            foreach (var local in locals)
            {
                merged += local[index] - value;
            }

            global[index] = merged;
        }
    }

    /// <summary>Σ count · ln Σₜ θ(doc, t) φ(t, word) under the final point estimates.</summary>
    private static double PointLogLikelihood(SparseRowMatrix counts, DenseMatrix theta, DenseMatrix phi)
    {
        var k = theta.Columns;
        var total = 0.0;
        for (var doc = 0; doc < counts.Rows; doc++)
        {
            var (words, values) = counts.Row(doc);
            var mixture = theta.Row(doc);
            for (var e = 0; e < values.Length; e++)
            {
                var probability = 0.0;
                for (var t = 0; t < k; t++)
                {
                    probability += (double)mixture[t] * phi[t, words[e]];
                }

                total += values[e] * Math.Log(probability);
            }
        }

        return total;
    }
}
