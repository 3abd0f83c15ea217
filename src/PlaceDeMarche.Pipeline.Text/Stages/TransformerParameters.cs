namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>
/// The <c>text.transformer.&lt;model&gt;</c> section of pipeline.yaml: how the text family runs one sentence encoder
/// of the <c>models</c> catalog (the model's own facts, from its model card).
/// </summary>
public sealed class TransformerParameters
{
    /// <summary>Tokens per text, [CLS] and [SEP] included (BERT-style models accept at most 512).</summary>
    public required int MaxTokens { get; set; }

    public required int BatchSize { get; set; }

    /// <summary>Lowercase and strip accents, for "uncased" models.</summary>
    public required bool Lowercase { get; set; }

    /// <summary><c>mean</c> (over the real tokens) or <c>cls</c> (the first token's state).</summary>
    public required string Pooling { get; set; }

    /// <summary>Scale the sentence vectors to unit length.</summary>
    public required bool Normalize { get; set; }

    /// <summary>Text put before every product's text (some models expect an instruction); empty for none.</summary>
    public required string Prefix { get; set; }
}
