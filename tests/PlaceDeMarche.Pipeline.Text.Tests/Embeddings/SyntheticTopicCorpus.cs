namespace PlaceDeMarche.Pipeline.Text.Tests.Embeddings;

/// <summary>
/// Documents drawn from disjoint "topic" vocabularies: each document uses the words of one topic only, so a working
/// skip-gram model must place words of the same topic closer than words of different topics. Topic words are stems
/// times suffixes, giving fastText morphological relatives to find for an unseen combination.
/// </summary>
internal static class SyntheticTopicCorpus
{
    public static readonly string[][] Stems =
    [
        ["kettle", "saucepan", "skillet", "ladle", "teapot"],
        ["necklace", "bracelet", "earring", "pendant", "brooch"],
        ["blanket", "pillow", "cushion", "curtain", "mattress"],
    ];

    public static readonly string[] Suffixes = ["", "s", "ware", "like"];

    /// <summary>Held out of every document, to be embedded from its n-grams only.</summary>
    public const string UnseenWord = "teapotlike";

    public static string[] TopicWords(int topic) =>
        Stems[topic].SelectMany(stem => Suffixes.Select(suffix => stem + suffix)).Where(word => word != UnseenWord).ToArray();

    public static string[][] Documents(int documentsPerTopic = 150, int wordsPerDocument = 30, int seed = 7)
    {
        var random = new Random(seed);
        var documents = new List<string[]>();
        for (var d = 0; d < documentsPerTopic; d++)
        {
            for (var topic = 0; topic < Stems.Length; topic++)
            {
                var words = TopicWords(topic);
                documents.Add(Enumerable.Range(0, wordsPerDocument).Select(_ => words[random.Next(words.Length)]).ToArray());
            }
        }

        return documents.ToArray();
    }
}
