namespace PlaceDeMarche.Pipeline.Core.Configuration;

/// <summary>The pipeline configuration is missing, malformed, or holds a value a stage cannot use.</summary>
public sealed class PipelineConfigurationException : Exception
{
    public PipelineConfigurationException(string message, Exception? inner = null) : base(message, inner) { }
}
