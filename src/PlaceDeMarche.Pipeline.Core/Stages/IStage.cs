using PlaceDeMarche.Pipeline.Core.Configuration;

namespace PlaceDeMarche.Pipeline.Core.Stages;

/// <summary>
/// One cached step of the study. Dependencies are not declared separately: a stage depends on the stages that
/// produce its <see cref="Inputs"/>, which keeps the stage graph defined in exactly one place.
/// </summary>
public interface IStage
{
    /// <summary>Unique name, also the Cake task name (e.g. <c>Ingest</c>).</summary>
    string Name { get; }

    /// <summary>One line for <c>--help</c>, the Cake task list and the report.</summary>
    string Description { get; }

    /// <summary>Workspace-relative artifact paths this stage reads; each must be another stage's output.</summary>
    IReadOnlyList<string> Inputs { get; }

    /// <summary>Workspace-relative paths this stage writes; a trailing '/' marks a folder.</summary>
    IReadOnlyList<string> Outputs { get; }

    /// <summary>Reads the parameters this stage depends on; their JSON form is part of the fingerprint.</summary>
    object BindParameters(PipelineConfiguration configuration);

    /// <summary>Content identities of inputs that come from outside the workspace (e.g. the dataset archive).</summary>
    IReadOnlyDictionary<string, string> ResolveExternalInputs(StageContext context);

    void Run(StageContext context);
}
