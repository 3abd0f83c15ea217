// Command-line options of `dotnet cake`, read once.
public sealed class PipelineOptions
{
    public string Target { get; private set; }
    public string Dataset { get; private set; }
    public string Configuration { get; private set; }
    public string Collect { get; private set; }
    public bool Force { get; private set; }
    // --onnx-gpu: build with the CUDA package of ONNX Runtime (then `onnx.execution_provider: cuda` in pipeline.yaml).
    public bool OnnxGpu { get; private set; }
    public bool Quiet { get; private set; }
    public string RunId { get; private set; }

    public static PipelineOptions FromArguments(ICakeContext context) => new PipelineOptions
    {
        Target = context.Argument("target", "Default"),
        Dataset = context.Argument<string>("dataset", null),
        Configuration = context.Argument<string>("config", null),
        Collect = context.Argument<string>("collect", null),
        Force = context.HasArgument("force"),
        OnnxGpu = context.HasArgument("onnx-gpu"),
        Quiet = context.HasArgument("quiet") || string.Equals(context.EnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
        RunId = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'") + "-" + Guid.NewGuid().ToString("N").Substring(0, 6),
    };
}
