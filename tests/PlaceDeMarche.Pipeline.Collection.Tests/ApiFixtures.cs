namespace PlaceDeMarche.Pipeline.Collection.Tests;

/// <summary>
/// Hand-written JSON bodies with the shape of the real APIs (Open Food Facts search, Edamam parser), using products
/// like those a real "champagne" collection returned, off-topic lentils included.
/// </summary>
internal static class ApiFixtures
{
    public const string OpenFoodFactsPage1 = """
        {"count": 4, "page": 1, "page_size": 2, "skip": 0, "products": [
          {"code": "3113934004147", "product_name": "Canard Duchêne",
           "categories_tags": ["en:beverages", "en:alcoholic-beverages", "en:wines", "en:sparkling-wines", "en:champagnes"],
           "ingredients_text": "Pinots et de Chardonnay",
           "image_front_url": "https://images.openfoodfacts.org/images/products/311/393/400/4147/front_fr.4.400.jpg"},
          {"code": "3039820510250", "product_name": "Vivien Paille Lentilles vertes le paquet de 500 g",
           "categories_tags": ["en:plant-based-foods", "en:legumes", "en:lentils", "en:green-lentils"],
           "ingredients_text": "Lentilles vertes.",
           "image_front_url": "https://images.openfoodfacts.org/images/products/303/982/051/0250/front_fr.68.400.jpg"}
        ]}
        """;

    public const string OpenFoodFactsPage2 = """
        {"count": 4, "page": 2, "page_size": 2, "skip": 2, "products": [
          {"code": "3760091726964", "product_name": "Lentilles roses bio",
           "categories_tags": ["en:legumes", "en:lentils", "fr:lentilles-rosees-de-champagne"],
           "ingredients_text": "Lentilles"},
          {"code": 3114080034057, "product_name": "Champagne rosé",
           "categories_tags": ["en:beverages", "en:wines", "en:champagnes"]}
        ]}
        """;

    public static string EdamamPage(string nextHref) => $$"""
        {"text": "champagne", "parsed": [],
         "hints": [
           {"food": {"foodId": "food_a656mk2a5dmqb2adiamu6beihduu", "label": "Champagne", "category": "Generic foods",
                     "image": "https://www.edamam.com/food-img/a71/a718cf3c52add522128929f1f324d2ab.jpg"}, "measures": []},
           {"food": {"foodId": "food_alpl44taoyv11ra0lic1qa8xculi", "label": "Champagne Buttercream", "category": "Generic meals",
                     "foodContentsLabel": "sugar; butter; shortening; vanilla; champagne; milk"}, "measures": []}
         ],
         "_links": {{Links(nextHref)}}
        }
        """;

    private static string Links(string nextHref) =>
        nextHref.Length == 0 ? "{}" : "{\"next\": {\"title\": \"Next page\", \"href\": \"" + nextHref + "\"}}";

    public const string EdamamLastPage = """
        {"text": "champagne", "parsed": [],
         "hints": [
           {"food": {"foodId": "food_byap67hab6evc3a0f9w1oag3s0qf", "label": "Champagne Sorbet", "category": "Generic meals",
                     "foodContentsLabel": "Sugar; Lemon juice; brandy; Champagne; Peach"}}
         ]}
        """;
}
