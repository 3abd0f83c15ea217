namespace PlaceDeMarche.Pipeline.Text.Cleaning;

/// <summary>How kept tokens are reduced to a common form, after stop-word and length filtering.</summary>
public enum TokenNormalization
{
    /// <summary>Tokens stay as they are.</summary>
    None,

    /// <summary>The original Porter (1980) stemmer ("batteries" → "batteri").</summary>
    Porter,

    /// <summary>The Snowball english (Porter2) stemmer ("generously" → "generous").</summary>
    Snowball,

    /// <summary>WordNet base forms, noun first then verb, adjective, adverb ("mice" → "mouse", "ran" → "run").</summary>
    Lemma,
}
