using PlaceDeMarche.Pipeline.Text.Embeddings;

namespace PlaceDeMarche.Pipeline.Text.Tests.Embeddings;

public sealed class CharacterNgramsTests
{
    [Fact]
    public void Trigrams_of_where_are_those_of_the_fastText_paper()
    {
        Assert.Equal(["<wh", "whe", "her", "ere", "re>"], CharacterNgrams.Extract("where", 3, 3));
    }

    [Fact]
    public void Three_to_six_grams_are_ordered_by_start_then_length()
    {
        // "<where>" has 7 characters: starts 0..4 give 4+4+3+2+1 n-grams of length 3..6 (by hand).
        string[] expected =
        [
            "<wh", "<whe", "<wher", "<where",
            "whe", "wher", "where", "where>",
            "her", "here", "here>",
            "ere", "ere>",
            "re>",
        ];
        Assert.Equal(expected, CharacterNgrams.Extract("where", 3, 6));
    }

    [Fact]
    public void A_short_word_yields_its_marked_form_only()
    {
        Assert.Equal(["<a>"], CharacterNgrams.Extract("a", 3, 6));
        Assert.Empty(CharacterNgrams.Extract("a", 4, 6));
    }

    [Fact]
    public void Surrogate_pairs_count_as_one_character()
    {
        var word = "a\U0001F600b";
        Assert.Equal(["<a\U0001F600", "a\U0001F600b", "\U0001F600b>"], CharacterNgrams.Extract(word, 3, 3));
    }
}
