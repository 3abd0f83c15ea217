namespace PlaceDeMarche.Pipeline.Text.Lemmatization;

/// <summary>The WordNet parts of speech a word can be lemmatised as.</summary>
public enum PartOfSpeech
{
    Noun,
    Verb,
    Adjective,
    Adverb,
}
