using System.Globalization;

namespace PlaceDeMarche.Pipeline.Text.Vectorization;

/// <summary>
/// A <c>min_df</c> / <c>max_df</c> bound, as in scikit-learn: either an absolute number of documents or a
/// proportion of the corpus (multiplied by the document count, not rounded).
/// </summary>
public readonly record struct DocumentFrequencyLimit
{
    private DocumentFrequencyLimit(double value, bool isProportion)
    {
        Value = value;
        IsProportion = isProportion;
    }

    /// <summary>The count, or the proportion in [0, 1].</summary>
    public double Value { get; }

    /// <summary>True for a proportion of the documents, false for an absolute count.</summary>
    public bool IsProportion { get; }

    /// <summary>A bound of <paramref name="documents"/> documents (at least 0).</summary>
    public static DocumentFrequencyLimit FromCount(int documents) => documents >= 0
        ? new(documents, false)
        : throw new ArgumentOutOfRangeException(nameof(documents), documents, "A document-frequency count must be 0 or more.");

    /// <summary>A bound of <paramref name="proportion"/> × the number of documents, with 0 ≤ proportion ≤ 1.</summary>
    public static DocumentFrequencyLimit FromProportion(double proportion) => proportion is >= 0.0 and <= 1.0
        ? new(proportion, true)
        : throw new ArgumentOutOfRangeException(nameof(proportion), proportion, "A document-frequency proportion must lie in [0, 1].");

    /// <summary>
    /// Parses configuration text the way scikit-learn reads Python numbers: an integer ("5") is a count, a number
    /// with a decimal point or exponent ("0.95", "1.0", "1e-3") is a proportion.
    /// </summary>
    public static DocumentFrequencyLimit Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            return FromCount(count);
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var proportion) && proportion is >= 0.0 and <= 1.0)
            return FromProportion(proportion);
        throw new FormatException($"'{text}' is not a document-frequency limit: give a document count (e.g. 5) or a proportion between 0.0 and 1.0 (e.g. 0.95).");
    }

    /// <summary>The bound in documents for a corpus of <paramref name="documentCount"/> documents.</summary>
    public double Resolve(int documentCount) => IsProportion ? Value * documentCount : Value;

    /// <inheritdoc/>
    public override string ToString() => IsProportion
        ? Value.ToString("0.0###############", CultureInfo.InvariantCulture)
        : Value.ToString(CultureInfo.InvariantCulture);
}
