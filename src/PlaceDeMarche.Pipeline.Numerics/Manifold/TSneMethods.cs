namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>The pipeline.yaml spelling of <see cref="TSneMethod"/>.</summary>
public static class TSneMethods
{
    /// <summary>Parses <c>auto</c>, <c>exact</c> or <c>barnes_hut</c>; <paramref name="setting"/> names the setting in the error.</summary>
    public static TSneMethod Parse(string value, string setting)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.ToLowerInvariant() switch
        {
            "auto" => TSneMethod.Auto,
            "exact" => TSneMethod.Exact,
            "barnes_hut" => TSneMethod.BarnesHut,
            _ => throw new ArgumentException($"{setting} must be auto, exact or barnes_hut, not '{value}'."),
        };
    }
}
