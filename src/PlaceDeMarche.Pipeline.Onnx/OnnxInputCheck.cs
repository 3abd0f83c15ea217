using Microsoft.ML.OnnxRuntime;

namespace PlaceDeMarche.Pipeline.Onnx;

/// <summary>
/// Checks a run's inputs and outputs against the model's declarations before ONNX Runtime sees them, so that a
/// mistake is reported with the model's name, the input's name and the expected and given shapes.
/// </summary>
internal static class OnnxInputCheck
{
    public static void Check(OnnxModel model, IReadOnlyList<string> inputNames, IReadOnlyList<OrtValue> inputs, IReadOnlyList<string> outputNames)
    {
        if (inputNames.Count != inputs.Count)
        {
            throw new ArgumentException($"ONNX model '{model.Name}': {inputNames.Count} input names were given for {inputs.Count} values; pair each value with its name.");
        }

        for (var i = 0; i < inputNames.Count; i++)
        {
            var name = inputNames[i];
            if (!model.Inputs.TryGetValue(name, out var declared))
            {
                throw new ArgumentException($"ONNX model '{model.Name}' has no input '{name}'; its inputs are {Describe(model.Inputs)}.");
            }

            for (var j = 0; j < i; j++)
            {
                if (inputNames[j] == name)
                {
                    throw new ArgumentException($"ONNX model '{model.Name}': input '{name}' is given twice.");
                }
            }

            CheckValue(model.Name, name, declared, inputs[i]);
        }

        foreach (var name in model.Inputs.Keys)
        {
            if (!inputNames.Contains(name))
            {
                throw new ArgumentException($"ONNX model '{model.Name}': input '{name}' was not given; its inputs are {Describe(model.Inputs)}.");
            }
        }

        foreach (var name in outputNames)
        {
            if (!model.Outputs.ContainsKey(name))
            {
                throw new ArgumentException($"ONNX model '{model.Name}' has no output '{name}'; its outputs are {Describe(model.Outputs)}.");
            }
        }
    }

    /// <summary>"name: Int64[batch, sequence]" for each value, symbolic dimensions by name and unnamed dynamic ones as '?'.</summary>
    public static string Describe(IReadOnlyDictionary<string, NodeMetadata> values) =>
        string.Join(", ", values.Select(pair => $"{pair.Key}: {pair.Value.ElementDataType}{Shape(pair.Value)}"));

    private static void CheckValue(string model, string name, NodeMetadata declared, OrtValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var given = value.GetTensorTypeAndShape();
        if (given.ElementDataType != declared.ElementDataType)
        {
            throw new ArgumentException(
                $"ONNX model '{model}': input '{name}' expects {declared.ElementDataType} elements, shape {Shape(declared)}; " +
                $"{given.ElementDataType} elements were given.");
        }

        var expected = declared.Dimensions;
        var actual = given.Shape;
        var matches = expected.Length == actual.Length;
        for (var d = 0; matches && d < expected.Length; d++)
        {
            matches = expected[d] < 0 || expected[d] == actual[d];
        }

        if (!matches)
        {
            throw new ArgumentException(
                $"ONNX model '{model}': input '{name}' expects shape {Shape(declared)}; shape [{string.Join(", ", actual)}] was given.");
        }
    }

    private static string Shape(NodeMetadata metadata)
    {
        if (!metadata.IsTensor)
        {
            return $" ({metadata.OnnxValueType})";
        }

        var dimensions = metadata.Dimensions.Select((size, d) => size >= 0
            ? size.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : metadata.SymbolicDimensions.Length > d && metadata.SymbolicDimensions[d].Length > 0 ? metadata.SymbolicDimensions[d] : "?");
        return $"[{string.Join(", ", dimensions)}]";
    }
}
