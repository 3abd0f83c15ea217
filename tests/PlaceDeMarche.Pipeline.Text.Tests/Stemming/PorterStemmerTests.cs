using PlaceDeMarche.Pipeline.Text.Stemming;

namespace PlaceDeMarche.Pipeline.Text.Tests.Stemming;

public sealed class PorterStemmerTests
{
    // Words are the examples of Porter (1980), "An algorithm for suffix stripping", steps 1a to 5b. Expected stems
    // are those of the whole algorithm, computed with NLTK 3.8 PorterStemmer(mode=ORIGINAL_ALGORITHM); the
    // implementation also agreed with it on all 5,063 distinct words of three or more letters in the Flipkart corpus.
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "ti")]
    [InlineData("caress", "caress")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("bled", "bled")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("troubled", "troubl")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("tanned", "tan")]
    [InlineData("falling", "fall")]
    [InlineData("hissing", "hiss")]
    [InlineData("fizzed", "fizz")]
    [InlineData("failing", "fail")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("rational", "ration")]
    [InlineData("valenci", "valenc")]
    [InlineData("hesitanci", "hesit")]
    [InlineData("digitizer", "digit")]
    [InlineData("conformabli", "conform")]
    [InlineData("radicalli", "radic")]
    [InlineData("differentli", "differ")]
    [InlineData("vileli", "vile")]
    [InlineData("analogousli", "analog")]
    [InlineData("vietnamization", "vietnam")]
    [InlineData("predication", "predic")]
    [InlineData("operator", "oper")]
    [InlineData("feudalism", "feudal")]
    [InlineData("decisiveness", "decis")]
    [InlineData("hopefulness", "hope")]
    [InlineData("callousness", "callous")]
    [InlineData("formaliti", "formal")]
    [InlineData("sensitiviti", "sensit")]
    [InlineData("sensibiliti", "sensibl")]
    [InlineData("triplicate", "triplic")]
    [InlineData("formative", "form")]
    [InlineData("formalize", "formal")]
    [InlineData("electriciti", "electr")]
    [InlineData("electrical", "electr")]
    [InlineData("hopeful", "hope")]
    [InlineData("goodness", "good")]
    [InlineData("revival", "reviv")]
    [InlineData("allowance", "allow")]
    [InlineData("inference", "infer")]
    [InlineData("airliner", "airlin")]
    [InlineData("gyroscopic", "gyroscop")]
    [InlineData("adjustable", "adjust")]
    [InlineData("defensible", "defens")]
    [InlineData("irritant", "irrit")]
    [InlineData("replacement", "replac")]
    [InlineData("adjustment", "adjust")]
    [InlineData("dependent", "depend")]
    [InlineData("adoption", "adopt")]
    [InlineData("homologou", "homolog")]
    [InlineData("communism", "commun")]
    [InlineData("activate", "activ")]
    [InlineData("angulariti", "angular")]
    [InlineData("homologous", "homolog")]
    [InlineData("effective", "effect")]
    [InlineData("bowdlerize", "bowdler")]
    [InlineData("probate", "probat")]
    [InlineData("rate", "rate")]
    [InlineData("cease", "ceas")]
    [InlineData("controll", "control")]
    [InlineData("roll", "roll")]
    [InlineData("generalizations", "gener")]
    [InlineData("oscillators", "oscil")]
    public void Stems_the_examples_of_the_1980_paper(string word, string expected) =>
        Assert.Equal(expected, PorterStemmer.Instance.Stem(word));

    // Words where the 1980 algorithm and Porter's later revision differ (NLTK MARTIN_EXTENSIONS gives
    // "archaeolog" and "possibl"): this stemmer is the original.
    [Theory]
    [InlineData("archaeology", "archaeologi")]
    [InlineData("possibly", "possibli")]
    public void Follows_the_original_rules_not_the_later_revision(string word, string expected) =>
        Assert.Equal(expected, PorterStemmer.Instance.Stem(word));

    [Theory]
    [InlineData("as")]
    [InlineData("is")]
    [InlineData("a")]
    [InlineData("")]
    public void Leaves_words_of_two_letters_or_fewer_alone(string word) =>
        Assert.Same(word, PorterStemmer.Instance.Stem(word));

    [Fact]
    public void Returns_the_same_instance_when_nothing_changes()
    {
        const string word = "roll";

        Assert.Same(word, PorterStemmer.Instance.Stem(word));
    }

    [Fact]
    public void Stems_words_longer_than_the_stack_buffer()
    {
        var stem = string.Concat(Enumerable.Repeat("ba", 35));

        // NLTK (ORIGINAL_ALGORITHM) also gives the 70-letter stem: "nesses" -> "ness" (1a) -> "" (3).
        Assert.Equal(stem, PorterStemmer.Instance.Stem(stem + "nesses"));
    }
}
