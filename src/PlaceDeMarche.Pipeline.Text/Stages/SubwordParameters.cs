namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>The <c>text.fasttext</c> section of pipeline.yaml: the character n-grams of the subword model.</summary>
public sealed class SubwordParameters
{
    public required int MinN { get; set; }

    public required int MaxN { get; set; }

    public required int Buckets { get; set; }
}
