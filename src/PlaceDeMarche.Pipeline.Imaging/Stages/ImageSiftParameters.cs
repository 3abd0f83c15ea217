namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>The <c>images.sift</c> section of pipeline.yaml: SIFT extraction, visual vocabulary, bag of words.</summary>
public sealed class ImageSiftParameters
{
    /// <summary>Keypoints kept per image, strongest first; 0 keeps all.</summary>
    public int MaxFeatures { get; set; } = 500;

    /// <summary>Double the image before the pyramid (Lowe's default).</summary>
    public bool Upsample { get; set; } = true;

    public int Words { get; set; } = 200;

    public int MaxTrainingDescriptors { get; set; } = 100_000;

    public int BatchSize { get; set; } = 1024;

    /// <summary><c>tf</c> (raw counts) or <c>tfidf</c>.</summary>
    public string Weighting { get; set; } = "tfidf";

    /// <summary><c>none</c>, <c>l1</c> or <c>l2</c>.</summary>
    public string Normalization { get; set; } = "l2";
}
