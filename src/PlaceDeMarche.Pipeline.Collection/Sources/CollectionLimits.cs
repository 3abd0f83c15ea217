namespace PlaceDeMarche.Pipeline.Collection.Sources;

/// <summary>Bounds on one collection, so that a runaway pagination cannot hammer an API or fill the disk.</summary>
public sealed record CollectionLimits
{
    public int MaxPages { get; init; } = 5;

    /// <summary>Kept (on-topic) products after which the collection stops.</summary>
    public int MaxProducts { get; init; } = 200;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPages, nameof(MaxPages));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxProducts, nameof(MaxProducts));
    }
}
