namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>Where a topic model stage writes its products-as-topic-weights table, its topics' top terms and its
/// metrics, and the prefix of the metrics it publishes (e.g. <c>text.lda</c>).</summary>
internal sealed record TopicModelArtifacts(string Features, string Topics, string Metrics, string MetricPrefix);
