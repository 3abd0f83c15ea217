namespace PlaceDeMarche.Pipeline.Text.Transformers;

/// <summary>How a sentence vector is made from a transformer's token states, as each model was trained to be used.</summary>
public enum TransformerPooling
{
    /// <summary>Mean of the states of the real tokens (sentence-transformers' mean pooling: all-MiniLM-L6-v2).</summary>
    Mean,

    /// <summary>The state of the first token, [CLS] (Snowflake arctic-embed).</summary>
    Cls,
}
