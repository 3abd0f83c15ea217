namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>The <c>images.sift</c> section of pipeline.yaml: SIFT extraction, visual vocabulary, bag of words.</summary>
public sealed class ImageSiftParameters
{
    /// <summary>Keypoints kept per image, strongest first; 0 keeps all.</summary>
    public required int MaxFeatures { get; set; }

    /// <summary>Double the image before the pyramid (Lowe's default).</summary>
    public required bool Upsample { get; set; }

    public required int Words { get; set; }

    public required int MaxTrainingDescriptors { get; set; }

    public required int BatchSize { get; set; }

    /// <summary><c>tf</c> (raw counts) or <c>tfidf</c>.</summary>
    public required string Weighting { get; set; }

    /// <summary><c>none</c>, <c>l1</c> or <c>l2</c>.</summary>
    public required string Normalization { get; set; }
}
