namespace PlaceDeMarche.Pipeline.Onnx;

/// <summary>How much ONNX Runtime rewrites the graph before running it (values of its <c>GraphOptimizationLevel</c>).</summary>
public enum GraphOptimizationLevel
{
    /// <summary>Run the graph as written.</summary>
    DisableAll = 0,
    /// <summary>Semantics-preserving rewrites such as constant folding and redundant node removal.</summary>
    Basic = 1,
    /// <summary>Basic plus operator fusions.</summary>
    Extended = 2,
    /// <summary>Extended plus memory-layout rewrites.</summary>
    Layout = 3,
    /// <summary>Every available optimisation (the runtime's default).</summary>
    All = 99,
}
