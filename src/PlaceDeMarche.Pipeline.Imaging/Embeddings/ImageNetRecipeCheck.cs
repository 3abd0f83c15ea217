namespace PlaceDeMarche.Pipeline.Imaging.Embeddings;

/// <summary>
/// Proves that a model's input recipe is the one it was trained with: an ImageNet classifier fed the synthesised
/// <see cref="ImageNetTestPictures"/> through the recipe must name each subject. A wrong pixel scale, mean or
/// deviation, or a wrong layout makes it miss them; a swapped channel order is not caught (the subjects are nearly grey).
/// </summary>
public static class ImageNetRecipeCheck
{
    /// <summary>Checks the top classes <paramref name="topClasses"/> gives the pictures (same order as <see cref="ImageNetTestPictures.All"/>).</summary>
    /// <param name="label">The model's section in pipeline.yaml, named in the error.</param>
    /// <returns>How many pictures were recognised (all of them).</returns>
    /// <exception cref="InvalidDataException">A picture was not recognised: the message lists each miss and the settings to check.</exception>
    public static int Verify(string label, Func<IReadOnlyList<RgbImage>, int[]> topClasses)
    {
        ArgumentNullException.ThrowIfNull(topClasses);
        var pictures = ImageNetTestPictures.All;
        var found = topClasses([.. pictures.Select(p => p.Image)]);
        var misses = pictures.Zip(found).Where(pair => pair.First.ExpectedClass != pair.Second)
            .Select(pair => $"the {pair.First.Subject} (class {pair.First.ExpectedClass}) was taken for class {pair.Second}")
            .ToArray();
        if (misses.Length > 0)
        {
            throw new InvalidDataException(
                $"{label}: the model does not recognise {misses.Length} of {pictures.Count} synthesised test pictures ({string.Join("; ", misses)}): " +
                $"its input is not prepared as it was trained. Check {label}.pixel_divisor, mean, std, resize_shorter and input_size against the model's documentation.");
        }

        return pictures.Count;
    }
}
