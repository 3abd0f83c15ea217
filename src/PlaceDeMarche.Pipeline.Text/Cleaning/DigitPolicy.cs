namespace PlaceDeMarche.Pipeline.Text.Cleaning;

/// <summary>What happens to tokens that contain a number ("1299", "3-pin", "²").</summary>
public enum DigitPolicy
{
    /// <summary>Keep them as they are.</summary>
    Keep,

    /// <summary>Drop them (prices, sizes and model numbers say little about a product's category).</summary>
    Drop,

    /// <summary>Replace each with <see cref="TextCleaningOptions.NumberPlaceholder"/>.</summary>
    Replace,
}
