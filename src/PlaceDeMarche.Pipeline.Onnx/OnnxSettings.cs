using PlaceDeMarche.Pipeline.Core.Configuration;

namespace PlaceDeMarche.Pipeline.Onnx;

/// <summary>The <c>onnx</c> section of pipeline.yaml: how every ONNX model of the study is run.</summary>
public sealed class OnnxSettings
{
    public const string Section = "onnx";

    /// <summary><c>cpu</c> or <c>cuda</c>; cuda falls back to cpu, with a warning, where it is not available.</summary>
    public required string ExecutionProvider { get; set; }

    /// <summary>Threads one run of a model may use; 0 lets ONNX Runtime choose (one per physical core).</summary>
    public required int IntraOpThreads { get; set; }

    /// <summary>The provider asked for, checked.</summary>
    /// <exception cref="PipelineConfigurationException">The value is neither cpu nor cuda, or the thread count is negative.</exception>
    public OnnxExecutionProvider RequestedProvider()
    {
        if (IntraOpThreads < 0)
        {
            throw new PipelineConfigurationException($"{Section}.intra_op_threads is {IntraOpThreads}; use 0 (ONNX Runtime chooses) or a positive count.");
        }

        return ExecutionProvider switch
        {
            "cpu" => OnnxExecutionProvider.Cpu,
            "cuda" => OnnxExecutionProvider.Cuda,
            _ => throw new PipelineConfigurationException($"{Section}.execution_provider is '{ExecutionProvider}'; use cpu or cuda."),
        };
    }
}
