using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Text.Embeddings;

namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>
/// Trains Doc2Vec PV-DBOW with simultaneous skip-gram word training on the corpus (no pretrained model) and writes
/// each product's paragraph vector, L2-normalised like the other representations.
/// </summary>
public sealed class Doc2VecStage : Stage<Doc2VecStageParameters>
{
    public override string Name => "TextDoc2Vec";

    public override string Description => "Train Doc2Vec (PV-DBOW with skip-gram words, negative sampling) on the corpus; one vector per product";

    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.TextDocuments];

    public override IReadOnlyList<string> Outputs { get; } = [ArtifactPaths.TextDoc2VecFeatures];

    protected override Doc2VecStageParameters BindParameters(PipelineConfiguration configuration) => new(
        configuration.Seed,
        configuration.Bind<WordEmbeddingParameters>("text.doc2vec"));

    protected override void Run(StageContext context, Doc2VecStageParameters parameters)
    {
        var documents = DocumentTable.Read(context.InputPath(ArtifactPaths.TextDocuments));
        var tokens = documents.TokenArrays();
        var model = Doc2Vec.Train(tokens, parameters.Training.ToOptions(parameters.Seed));
        new FeatureTable(documents.Ids, documents.Categories, model.UnitDocumentVectors()).Write(context.OutputPath(Outputs[0]));
        context.Log.Info($"{Name}: {model.Dimensions}-d vectors for {model.DocumentCount} documents and {model.Words.Vocabulary.Count} words");
    }
}
