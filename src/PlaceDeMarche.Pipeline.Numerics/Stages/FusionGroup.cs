namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>One group of a fusion (e.g. the text, or the image): which representations it takes, all weighted equally inside it.</summary>
public sealed class FusionGroup
{
    /// <summary>Named in logs and in the blocks table, e.g. <c>text</c>.</summary>
    public required string Name { get; set; }

    /// <summary>Family of its representations: <c>text</c> or <c>image</c>.</summary>
    public required string Family { get; set; }

    /// <summary>Methods taken (a trailing <c>*</c> matches any suffix); those that did not run are left out.</summary>
    public required List<string> Members { get; set; }

    /// <summary>Methods taken instead when none of <see cref="Members"/> ran (e.g. no CNN model on this machine).</summary>
    public required List<string> Fallback { get; set; }
}
