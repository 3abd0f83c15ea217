namespace PlaceDeMarche.Pipeline.Supervised.Features;

/// <summary>Fitted blocks whose vectors are concatenated in block order.</summary>
public sealed class FittedFeatureStack(IReadOnlyList<IFittedFeatureBlock> blocks)
{
    public IReadOnlyList<IFittedFeatureBlock> Blocks => blocks;

    public int Dimension => blocks.Sum(b => b.Dimension);

    public float[][] Transform(IReadOnlyList<int> rows)
    {
        var parts = blocks.Select(b => b.Transform(rows)).ToArray();
        return Enumerable.Range(0, rows.Count).Select(i => Concatenate(parts.Select(p => p[i]).ToArray())).ToArray();
    }

    /// <summary>The blocks' vectors of one product, end to end.</summary>
    public static float[] Concatenate(IReadOnlyList<float[]> parts)
    {
        if (parts.Count == 1)
            return parts[0];
        var result = new float[parts.Sum(p => p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }
        return result;
    }
}
