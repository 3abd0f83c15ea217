namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>Artifacts of the combinations of representations: several text representations together, and text with image.</summary>
public static class FusionArtifactPaths
{
    /// <summary>The text representations of <c>text.combined</c>, each given an equal share of the variance.</summary>
    public const string TextCombined = "data/artifacts/text/combined.parquet";

    /// <summary>Which text representations went into <see cref="TextCombined"/>, with their shares.</summary>
    public const string TextCombinedBlocks = "data/artifacts/text/combined-blocks.parquet";

    /// <summary>Text and image blocks of <c>fusion</c>, normalised and given equal shares per group.</summary>
    public const string EqualShare = "data/artifacts/fusion/equal-share.parquet";

    /// <summary>The same blocks' raw vectors side by side: the naive baseline.</summary>
    public const string NaiveConcatenation = "data/artifacts/fusion/naive-concat.parquet";

    /// <summary>Which blocks went into the fusion, with their shares.</summary>
    public const string Blocks = "data/artifacts/fusion/blocks.parquet";

    /// <summary>Co-association matrix of the text and image partitions over all seeds, one row per product.</summary>
    public const string CoAssociation = "data/artifacts/fusion/coassociation.parquet";
}
