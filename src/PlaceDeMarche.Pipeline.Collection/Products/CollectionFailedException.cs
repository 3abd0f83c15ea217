namespace PlaceDeMarche.Pipeline.Collection.Products;

/// <summary>A required collection could not be completed; the message is already free of secrets.</summary>
public sealed class CollectionFailedException(string message, Exception? innerException = null)
    : Exception(message, innerException);
