using PlaceDeMarche.Pipeline.Core.Configuration;

namespace PlaceDeMarche.Pipeline.Core.Stages;

/// <summary>Base class for stages with a typed parameter record.</summary>
public abstract class Stage<TParameters> : IStage
    where TParameters : notnull
{
    private static readonly IReadOnlyDictionary<string, string> NoExternalInputs = new Dictionary<string, string>();

    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract IReadOnlyList<string> Inputs { get; }

    public abstract IReadOnlyList<string> Outputs { get; }

    object IStage.BindParameters(PipelineConfiguration configuration) => BindParameters(configuration);

    IReadOnlyDictionary<string, string> IStage.ResolveExternalInputs(StageContext context) =>
        ResolveExternalInputs(context, (TParameters)context.Parameters);

    void IStage.Run(StageContext context) => Run(context, (TParameters)context.Parameters);

    protected abstract TParameters BindParameters(PipelineConfiguration configuration);

    protected virtual IReadOnlyDictionary<string, string> ResolveExternalInputs(StageContext context, TParameters parameters) =>
        NoExternalInputs;

    protected abstract void Run(StageContext context, TParameters parameters);
}
