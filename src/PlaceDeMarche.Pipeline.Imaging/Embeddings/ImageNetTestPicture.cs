namespace PlaceDeMarche.Pipeline.Imaging.Embeddings;

/// <summary>A synthesised picture of an obvious subject and the ImageNet-1k class (0-based index) a correct model gives it.</summary>
public sealed record ImageNetTestPicture(string Subject, int ExpectedClass, RgbImage Image);
