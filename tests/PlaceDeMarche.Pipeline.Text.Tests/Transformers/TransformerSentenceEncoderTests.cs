using Microsoft.ML.OnnxRuntime.Tensors;
using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.TestSupport.Logging;
using PlaceDeMarche.Pipeline.TestSupport.Onnx;
using PlaceDeMarche.Pipeline.Text.Transformers;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Text.Tests.Transformers;

/// <summary>Runs tiny BERT-shaped graphs through ONNX Runtime; expected vectors are means of <see cref="TinyBertModels.Table"/> rows.</summary>
public sealed class TransformerSentenceEncoderTests
{
    private static readonly string[] Texts = ["red shirt", "Blue WATCH red", "watch", "hat"];

    // By hand, [CLS]=(1,0) and [SEP]=(0,1) included:
    // red shirt        -> (1+2+4+0, 0+4+2+1)/4     = (1.75, 1.75)
    // blue watch red   -> (1+6+0+2+0, 0+0+6+4+1)/5 = (1.8, 2.2)
    // watch            -> (1+0+0, 0+6+1)/3         = (1/3, 7/3)
    // hat = [UNK](0,0) -> (1+0+0, 0+0+1)/3         = (1/3, 1/3)
    private static readonly float[][] Expected = [[1.75f, 1.75f], [1.8f, 2.2f], [1 / 3f, 7 / 3f], [1 / 3f, 1 / 3f]];

    private static readonly WordPieceTokenizer Tokenizer = new(WordPieceVocabulary.FromTokens(TinyBertModels.Vocabulary), lowercase: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MeanPoolsTheHiddenStatesOfTheRealTokens(bool withTokenTypes)
    {
        using var session = OnnxModel.FromBytes(TinyBertModels.HiddenStates(withTokenTypes: withTokenTypes), "tiny", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section), new RecordingLog());
        var encoder = new TransformerSentenceEncoder(session, Tokenizer);

        var vectors = encoder.Encode(Texts, batchSize: 4, maxTokens: 16, normalize: false, out var truncated);

        Assert.Equal("last_hidden_state", encoder.OutputName);
        Assert.Equal(0, truncated);
        for (var i = 0; i < Expected.Length; i++)
        {
            Assert.Equal(Expected[i], vectors[i], (a, b) => Math.Abs(a - b) < 1e-6f);
        }
    }

    [Fact]
    public void GivesTheSameVectorsWhateverTheBatchSize()
    {
        using var session = OnnxModel.FromBytes(TinyBertModels.HiddenStates(), "tiny", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section), new RecordingLog());
        var encoder = new TransformerSentenceEncoder(session, Tokenizer);

        var one = encoder.Encode(Texts, batchSize: 1, maxTokens: 16, normalize: false, out _);
        var three = encoder.Encode(Texts, batchSize: 3, maxTokens: 16, normalize: false, out _);
        var all = encoder.Encode(Texts, batchSize: 16, maxTokens: 16, normalize: false, out _);

        Assert.Equal(one, three);
        Assert.Equal(one, all);
    }

    [Fact]
    public void NormalizesToUnitLengthAndCountsTruncatedTexts()
    {
        using var session = OnnxModel.FromBytes(TinyBertModels.HiddenStates(), "tiny", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section), new RecordingLog());
        var encoder = new TransformerSentenceEncoder(session, Tokenizer);

        // Cut to 3 tokens: [CLS] red [SEP] -> (1+2+0, 0+4+1)/3 = (1, 5/3), unit length: (3, 5)/sqrt(34).
        var vectors = encoder.Encode(["red shirt", "watch"], batchSize: 2, maxTokens: 3, normalize: true, out var truncated);

        Assert.Equal(1, truncated);
        Assert.Equal([3 / MathF.Sqrt(34), 5 / MathF.Sqrt(34)], vectors[0], (a, b) => Math.Abs(a - b) < 1e-6f);
        Assert.Equal([1 / MathF.Sqrt(50), 7 / MathF.Sqrt(50)], vectors[1], (a, b) => Math.Abs(a - b) < 1e-6f);
    }

    [Fact]
    public void UsesASentenceOutputAsIs()
    {
        using var session = OnnxModel.FromBytes(TinyBertModels.SentenceOutput(), "tiny", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section), new RecordingLog());
        var encoder = new TransformerSentenceEncoder(session, Tokenizer);

        var vectors = encoder.Encode(["red shirt", "watch"], batchSize: 2, maxTokens: 16, normalize: false, out _);

        // The model's own mean counts the padding of "watch" ([PAD] = (100, -100)): (1+0+0+100, 0+6+1-100)/4.
        Assert.Equal("sentence_embedding", encoder.OutputName);
        Assert.Equal([1.75f, 1.75f], vectors[0]);
        Assert.Equal([25.25f, -23.25f], vectors[1]);
    }

    [Fact]
    public void RejectsAModelWithoutBertInputs()
    {
        var model = new OnnxGraphBuilder("not_bert")
            .AddInput("pixels", TensorElementType.Float, "batch", 2)
            .AddNode("Relu", ["pixels"], ["y"])
            .AddOutput("y", TensorElementType.Float, "batch", 2)
            .ToBytes();
        using var session = OnnxModel.FromBytes(model, "tiny", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section), new RecordingLog());

        var error = Assert.Throws<InvalidDataException>(() => new TransformerSentenceEncoder(session, Tokenizer));

        Assert.Contains("pixels", error.Message);
        Assert.Contains("input_ids", error.Message);
    }
}
