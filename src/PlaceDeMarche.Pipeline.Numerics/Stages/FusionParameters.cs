namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>A fusion's section of pipeline.yaml: its groups, each given an equal share of the fused variance.</summary>
public sealed class FusionParameters
{
    public required List<FusionGroup> Groups { get; set; }
}
