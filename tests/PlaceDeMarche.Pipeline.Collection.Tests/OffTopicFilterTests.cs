using PlaceDeMarche.Pipeline.Collection.Products;

namespace PlaceDeMarche.Pipeline.Collection.Tests;

public sealed class OffTopicFilterTests
{
    private static CollectedProduct Product(string label, string category, string ingredients = "") =>
        new("1", label, category, ingredients, null, "test");

    [Theory]
    // Cases from a real Open Food Facts "champagne" search.
    [InlineData("", "en:beverages, en:wines, en:sparkling-wines, en:champagnes", true)]
    [InlineData("Splashes of champagne", "", true)]
    [InlineData("Betteraves de Champagne & chèvre crémeux", "en:spreads, en:salted-spreads", true)]
    [InlineData("Vivien Paille Lentilles vertes le paquet de 500 g", "en:legumes, en:lentils, en:green-lentils", false)]
    [InlineData("Lentilles roses bio", "en:lentils, fr:lentilles-rosees-de-champagne", false)]
    [InlineData("Rillettes de homard au cognac", "fr:rillettes-de-homard-au-cognac-et-champagne", false)]
    // Edamam: the category is generic, the label decides.
    [InlineData("Champagne Vinaigrette, Champagne", "Packaged foods", true)]
    [InlineData("Champagnesque cocktail", "Generic meals", false)]
    public void Keeps_products_whose_label_or_category_is_the_query(string label, string category, bool expected) =>
        Assert.Equal(expected, OffTopicFilter.IsOnTopic(Product(label, category), "champagne"));

    [Fact]
    public void Ingredients_alone_do_not_make_a_product_on_topic() =>
        Assert.False(OffTopicFilter.IsOnTopic(Product("Rillettes de homard", "en:spreads", "Champagne (contient sulfites)"), "champagne"));

    [Fact]
    public void Every_query_word_must_match() =>
        Assert.Equal(
            [true, false],
            new[] { "Champagne rosé", "Champagne brut" }.Select(label => OffTopicFilter.IsOnTopic(Product(label, ""), "champagne rosé")));
}
