using PlaceDeMarche.Pipeline.Dataset.Products;

namespace PlaceDeMarche.Pipeline.Dataset.Tests.Products;

public sealed class CategoryTreeTests
{
    [Theory]
    [InlineData("[\"Home Furnishing >> Curtains & Accessories >> Curtains >> Eyelet Door Curta...\"]", "Home Furnishing")]
    [InlineData("[\"Baby Care >> Baby Bath & Skin >> Baby Bath Towels\"]", "Baby Care")]
    [InlineData("  [\" Home Decor & Festive Needs>>Showpieces \"]  ", "Home Decor & Festive Needs")]
    [InlineData("[\"Watches\"]", "Watches")]
    [InlineData("Kitchen & Dining >> Cookware", "Kitchen & Dining")]
    [InlineData("\"Beauty and Personal Care >> Fragrances\"", "Beauty and Personal Care")]
    public void The_first_level_is_the_category(string tree, string category) =>
        Assert.Equal(category, CategoryTree.FirstLevel(tree));

    [Fact]
    public void All_levels_are_trimmed_in_order()
    {
        Assert.Equal(
            ["Computers", "Laptop Accessories", "USB Gadgets"],
            CategoryTree.ParseLevels("[\"Computers >> Laptop Accessories >>USB Gadgets\"]"));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("[]", "is empty")]
    [InlineData("[\"\"]", "is empty")]
    [InlineData("[\" >> Curtains\"]", "empty level 1")]
    [InlineData("[\"Watches >>  >> Wrist\"]", "empty level 2")]
    [InlineData("[\"Watches >> Wrist\"", "unbalanced []")]
    [InlineData("[\"Watches >> Wrist]", "unbalanced \"\"")]
    [InlineData("\"", "unbalanced \"\"")]
    public void Unparseable_trees_are_rejected_with_the_reason(string tree, string reason)
    {
        var error = Assert.Throws<FormatException>(() => CategoryTree.ParseLevels(tree));

        Assert.Contains(reason, error.Message);
    }
}
