namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>The <c>text.transformer</c> section of pipeline.yaml: a BERT-style sentence encoder exported to ONNX.</summary>
public sealed class TransformerParameters
{
    /// <summary>The .onnx file, relative to the workspace or absolute; empty: the stage does not run.</summary>
    public string Model { get; set; } = "";

    /// <summary>The WordPiece vocab.txt; empty: <c>vocab.txt</c> beside the model.</summary>
    public string Vocabulary { get; set; } = "";

    /// <summary>Tokens per text, [CLS] and [SEP] included (BERT-style models accept at most 512).</summary>
    public int MaxTokens { get; set; } = 128;

    public int BatchSize { get; set; } = 16;

    /// <summary>Lowercase and strip accents, for "uncased" models.</summary>
    public bool Lowercase { get; set; } = true;

    /// <summary>Scale the sentence vectors to unit length.</summary>
    public bool Normalize { get; set; } = true;
}
