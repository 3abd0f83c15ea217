namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>
/// The <c>text.transformer.&lt;model&gt;</c> section of pipeline.yaml: how the text family runs one sentence encoder
/// of the <c>models</c> catalog (the model's own facts, from its model card).
/// </summary>
public sealed class TransformerParameters
{
    /// <summary>Tokens per text, [CLS] and [SEP] included (BERT-style models accept at most 512).</summary>
    public int MaxTokens { get; set; } = 128;

    public int BatchSize { get; set; } = 16;

    /// <summary>Lowercase and strip accents, for "uncased" models.</summary>
    public bool Lowercase { get; set; } = true;

    /// <summary><c>mean</c> (over the real tokens) or <c>cls</c> (the first token's state).</summary>
    public string Pooling { get; set; } = "mean";

    /// <summary>Scale the sentence vectors to unit length.</summary>
    public bool Normalize { get; set; } = true;

    /// <summary>Text put before every product's text (some models expect an instruction); empty for none.</summary>
    public string Prefix { get; set; } = "";
}
