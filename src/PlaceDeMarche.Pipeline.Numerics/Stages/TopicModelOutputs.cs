using System.Numerics.Tensors;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Metrics;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>
/// What every topic model stage (NMF, LDA) writes: products as topic weights (scored by clustering like any
/// representation), each topic's terms ranked by weight (all of them: how many to show is the report's choice, so
/// changing it refits nothing), and the agreement of each product's strongest topic with its
/// category (<c>argmax_ari</c>), which reads each topic directly as a candidate category.
/// </summary>
internal static class TopicModelOutputs
{
    /// <summary>Writes the three artifacts and publishes <c>argmax_ari</c> then <paramref name="modelMetrics"/>;
    /// returns the argmax ARI.</summary>
    /// <param name="products">The products the model was fitted on, in row order of <paramref name="documentTopics"/>.</param>
    /// <param name="documentTopics">Products × topics weights.</param>
    /// <param name="topicTerms">Topics × terms weights, columns in <paramref name="terms"/> order.</param>
    public static double Write(
        StageContext context,
        TopicModelArtifacts artifacts,
        FeatureTable products,
        DenseMatrix documentTopics,
        DenseMatrix topicTerms,
        string?[] terms,
        IReadOnlyList<KeyValuePair<string, double>> modelMetrics)
    {
        new FeatureTable(products.Ids, products.Categories, RowVectors.Copy(documentTopics)).Write(context.OutputPath(artifacts.Features));
        TopTerms(topicTerms, terms, terms.Length).Write(context.OutputPath(artifacts.Topics));
        var ari = StrongestTopicAdjustedRandIndex(products, documentTopics);
        StageMetrics.WriteAndPublish(context, context.OutputPath(artifacts.Metrics), artifacts.MetricPrefix, [new("argmax_ari", ari), .. modelMetrics]);
        return ari;
    }

    /// <summary>ARI between each product's category and its strongest topic (the lowest index on ties).</summary>
    public static double StrongestTopicAdjustedRandIndex(FeatureTable products, DenseMatrix documentTopics)
    {
        var (_, categories) = products.CategoryCodes();
        var strongestTopic = Enumerable.Range(0, documentTopics.Rows).Select(i => TensorPrimitives.IndexOfMax(documentTopics.Row(i))).ToArray();
        return AdjustedRandIndex.Compute(categories, strongestTopic);
    }

    /// <summary>The <paramref name="count"/> heaviest terms of each topic, heaviest first (lower term index on ties).</summary>
    public static TopicTermTable TopTerms(DenseMatrix topicTerms, string?[] terms, int count)
    {
        if (terms.Length != topicTerms.Columns)
        {
            throw new InvalidDataException($"The vocabulary holds {terms.Length} terms but the topic model has {topicTerms.Columns} term columns; rerun the stage that wrote both.");
        }

        var topics = new List<int>();
        var ranks = new List<int>();
        var words = new List<string>();
        var weights = new List<float>();
        for (var topic = 0; topic < topicTerms.Rows; topic++)
        {
            var row = topicTerms.Row(topic).ToArray();
            var strongest = Enumerable.Range(0, row.Length).OrderByDescending(i => row[i]).ThenBy(i => i).Take(count).ToArray();
            for (var rank = 0; rank < strongest.Length; rank++)
            {
                topics.Add(topic);
                ranks.Add(rank);
                words.Add(terms[strongest[rank]]!);
                weights.Add(row[strongest[rank]]);
            }
        }

        return new TopicTermTable([.. topics], [.. ranks], [.. words], [.. weights]);
    }
}
