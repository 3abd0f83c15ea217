namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>The <c>text.fasttext</c> section of pipeline.yaml: the character n-grams of the subword model.</summary>
public sealed class SubwordParameters
{
    public int MinN { get; set; } = 3;

    public int MaxN { get; set; } = 6;

    public int Buckets { get; set; } = 200_000;
}
