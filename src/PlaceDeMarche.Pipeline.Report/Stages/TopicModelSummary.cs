using PlaceDeMarche.Pipeline.Core.Schema;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>One topic model of the text (e.g. NMF): its topics' strongest terms and its metrics (<c>argmax_ari</c>).</summary>
public sealed record TopicModelSummary(string Label, string Source, TopicTermTable Terms, IReadOnlyDictionary<string, double> Metrics);
