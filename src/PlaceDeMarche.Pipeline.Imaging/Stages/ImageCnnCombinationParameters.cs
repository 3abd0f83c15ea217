namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>The <c>images.cnn_combination</c> section of pipeline.yaml.</summary>
public sealed class ImageCnnCombinationParameters
{
    /// <summary>The CNN embeddings put side by side (sections of <c>images.cnn</c>).</summary>
    public required string[] Models { get; set; }
}
