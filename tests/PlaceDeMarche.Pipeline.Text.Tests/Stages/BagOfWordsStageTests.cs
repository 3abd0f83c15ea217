using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Text.Stages;
using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Text.Tests.Stages;

public sealed class BagOfWordsStageTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("bow-stage-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void WritesRawCountsOverThePrunedVocabulary()
    {
        // Document frequencies: red 2, mug 2, blue 2, towel 2, set 3, cup 1, plate 1, soap 1. min_df 2 drops the
        // single-document words, max_df 0.5 (at most 2 of 4 documents) drops "set"; the rest, sorted, is the
        // vocabulary. Counts below are read off the documents by hand.
        var workspace = new Workspace(folder);
        var documents = workspace.Resolve(ArtifactPaths.TextDocuments);
        Directory.CreateDirectory(Path.GetDirectoryName(documents)!);
        new DocumentTable(["a", "b", "c", "d"], ["Kitchen", "Kitchen", "Bath", "Bath"],
            ["red mug red cup set", "blue mug plate set", "red towel soap set", "blue towel towel"]).Write(documents);
        IStage stage = new BagOfWordsStage();
        var parameters = stage.BindParameters(PipelineConfiguration.Parse("""
            seed: 1
            text:
              bow:
                ngram_min: 1
                ngram_max: 1
                min_df: 2
                max_df: 0.5
            """, "test.yaml"));
        var context = new StageContext(stage, workspace, parameters, new ConsoleLog(TextWriter.Null, TextWriter.Null, quiet: true), CancellationToken.None);

        stage.Run(context);

        Assert.Equal(["blue", "mug", "red", "towel"], ParquetArtifact.Read(workspace.Resolve(ArtifactPaths.BagOfWordsVocabulary)).GetStrings("term").Select(term => term!));
        var table = FeatureTable.Read(workspace.Resolve(ArtifactPaths.BagOfWordsFeatures));
        Assert.Equal(["a", "b", "c", "d"], table.Ids);
        Assert.Equal(["Kitchen", "Kitchen", "Bath", "Bath"], table.Categories);
        float[][] expected = [[0, 1, 2, 0], [1, 1, 0, 0], [0, 0, 1, 1], [1, 0, 0, 2]];
        Assert.Equal(expected, table.Vectors);
        Assert.Equal(4, (int)context.Metrics["text.bow.vocabulary_size"]!);
    }

    [Fact]
    public void TfIdfSectionKeepsItsVocabularyAndWeightingSettings()
    {
        var options = new TfIdfParameters { NgramMin = 1, NgramMax = 2, MinDf = "3", MaxDf = "0.9", MaxFeatures = 10, SublinearTf = true, SmoothIdf = true, Norm = "l1" }.ToOptions();

        Assert.Equal(2, options.Ngrams.Max);
        Assert.Equal("3", options.MinDf.ToString());
        Assert.Equal(10, options.MaxFeatures);
        Assert.True(options.SublinearTf);
        Assert.Equal(VectorNorm.L1, options.Norm);
    }
}
