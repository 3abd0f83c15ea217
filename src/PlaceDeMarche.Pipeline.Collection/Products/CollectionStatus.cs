namespace PlaceDeMarche.Pipeline.Collection.Products;

/// <summary>How far a collection went.</summary>
public enum CollectionStatus
{
    /// <summary>Every page up to the limits (or the last page) was read.</summary>
    Complete,

    /// <summary>Some pages were read, then an error stopped the collection; the products read are kept.</summary>
    Partial,

    /// <summary>Nothing could be read (API unreachable, credentials missing, first page unusable).</summary>
    NotCollected,
}
