using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Core.Configuration;

/// <summary>
/// Validates the whole configuration before anything runs: every stage of the graph binds its parameters (whether
/// or not it is in the target), which reports every wrong value and every key a stage needs and the file lacks; then
/// every key that no stage read is reported. All errors come together, one line each.
/// </summary>
public static class PipelineConfigurationCheck
{
    public static void ThrowIfInvalid(IEnumerable<IStage> stages, PipelineConfiguration configuration)
    {
        var errors = new List<string>();
        foreach (var stage in stages)
        {
            try
            {
                stage.BindParameters(configuration);
            }
            catch (PipelineConfigurationException e)
            {
                errors.AddRange(e.Message.Split('\n'));
            }
        }

        errors.AddRange(configuration.UnreadKeys());
        if (errors.Count > 0)
        {
            throw new PipelineConfigurationException(string.Join('\n', errors.Distinct()));
        }
    }
}
