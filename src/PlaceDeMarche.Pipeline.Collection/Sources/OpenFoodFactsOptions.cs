namespace PlaceDeMarche.Pipeline.Collection.Sources;

/// <summary>Settings of <see cref="OpenFoodFactsSource"/>.</summary>
public sealed record OpenFoodFactsOptions() : ApiSourceOptions(new Uri("https://world.openfoodfacts.org/"))
{
    public int PageSize { get; init; } = 50;
}
