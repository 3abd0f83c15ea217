namespace PlaceDeMarche.Pipeline.Collection.Sources;

/// <summary>
/// Settings of <see cref="EdamamFoodSource"/>. Credentials are not here: they come from the environment. Edamam's terms
/// limit caching: use <see cref="ApiSourceOptions.CacheDirectory"/> for reruns of the study only.
/// </summary>
public sealed record EdamamOptions() : ApiSourceOptions(new Uri("https://api.edamam.com/"));
