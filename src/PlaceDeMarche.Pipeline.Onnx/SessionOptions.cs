namespace PlaceDeMarche.Pipeline.Onnx;

/// <summary>How an <see cref="InferenceSession"/> is created.</summary>
public sealed record SessionOptions
{
    /// <summary>
    /// Threads one <see cref="InferenceSession.Run(IReadOnlyDictionary{string, OnnxTensor})"/> call may use; 0 lets
    /// the runtime choose (one per physical core). Defaults to 1 so results never depend on how work was split, and
    /// because callers on our 2-core machines get more from running batches in parallel (Run is thread-safe).
    /// </summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Graph rewrites applied when the session is created; defaults to <see cref="GraphOptimizationLevel.All"/>.</summary>
    public GraphOptimizationLevel OptimizationLevel { get; init; } = GraphOptimizationLevel.All;

    /// <summary>The default options.</summary>
    public static SessionOptions Default { get; } = new();
}
