namespace PlaceDeMarche.Pipeline.Supervised.Prediction;

/// <summary>A product given to <c>predict</c> cannot be classified (empty text, unreadable photo); the message says why.</summary>
public sealed class PredictionInputException(string message, Exception? inner = null) : Exception(message, inner);
