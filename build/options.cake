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
    public string Image { get; private set; }
    public string Text { get; private set; }
    // --shard=i/n: only the per-item stages, for shard i of n (placedemarche-pipeline run --shard).
    public string Shard { get; private set; }
    // --shards=n with --target=MergeShards: the number of shards to merge.
    public string Shards { get; private set; }

    public static PipelineOptions FromArguments(ICakeContext context) => new PipelineOptions
    {
        Target = context.Argument("target", "Default"),
        Dataset = context.Argument<string>("dataset", null),
        Configuration = context.Argument<string>("config", null),
        Collect = context.Argument<string>("collect", null),
        Force = context.HasArgument("force"),
        OnnxGpu = context.HasArgument("onnx-gpu"),
        Quiet = context.HasArgument("quiet") || string.Equals(context.EnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
        Image = context.Argument<string>("image", null),
        Text = context.Argument<string>("text", null),
        Shard = context.Argument<string>("shard", null),
        Shards = context.Argument<string>("shards", null),
        RunId = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'") + "-" + Guid.NewGuid().ToString("N").Substring(0, 6),
    };
}
