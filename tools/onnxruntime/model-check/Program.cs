// Runs the image-feature model the study uses (shared/models/mobilenetv2-12-int8-feat.onnx, see its README) through
// our ONNX Runtime binding and checks what the image pipeline relies on: the input/output contract, the 1280-d
// feature output, batch independence and bitwise-repeatable results. Exit code 0 when every check passes.
// Usage, from the repository root: dotnet run --project tools/onnxruntime/model-check -- [path/to/model.onnx]
using System.Diagnostics;
using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.Onnx.Native;

string modelPath = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "models", "mobilenetv2-12-int8-feat.onnx");
if (!File.Exists(modelPath))
{
    Console.Error.WriteLine($"Model '{Path.GetFullPath(modelPath)}' not found. Usage: model-check [path/to/mobilenetv2-12-int8-feat.onnx]");
    return 2;
}

var failures = new List<string>();
void Check(bool condition, string what)
{
    Console.WriteLine($"  [{(condition ? "ok" : "FAIL")}] {what}");
    if (!condition)
    {
        failures.Add(what);
    }
}

using InferenceSession session = InferenceSession.Open(modelPath, new SessionOptions { IntraOpThreads = 0 });
Console.WriteLine($"ONNX Runtime {OnnxRuntimeLibrary.RuntimeVersion} from {OnnxRuntimeLibrary.LoadedPath}");
Console.WriteLine($"Model {Path.GetFullPath(modelPath)}");
Console.WriteLine($"  inputs:  {string.Join("; ", session.Inputs)}");
Console.WriteLine($"  outputs: {string.Join("; ", session.Outputs)}");

Check(session.Inputs is [{ Name: "input", ElementType: TensorElementType.Float }], "one float input named 'input'");
Check(session.Outputs.Any(output => output.Name == "features"), "an output named 'features'");

const int ImageValues = 3 * 224 * 224;
float[] zeros = new float[ImageValues];
// A deterministic non-trivial image: a smooth pattern in the normalised value range.
float[] pattern = Enumerable.Range(0, ImageValues).Select(i => MathF.Sin(i * 0.001f) * 2f).ToArray();

var stopwatch = Stopwatch.StartNew();
IReadOnlyDictionary<string, OnnxTensor> single = session.Run(
    new Dictionary<string, OnnxTensor> { ["input"] = OnnxTensor.FromFloats(zeros, 1, 3, 224, 224) });
stopwatch.Stop();
Check(single["features"].Shape.SequenceEqual([1L, 1280L]), $"features shape [1, 1280] (got [{string.Join(", ", single["features"].Shape)}], {stopwatch.ElapsedMilliseconds} ms)");
Check(single["output"].Shape.SequenceEqual([1L, 1000L]), "logits shape [1, 1000]");
Check(single["features"].FloatData.All(float.IsFinite), "features are finite");

float[] batch = [.. zeros, .. pattern];
OnnxTensor batchFeatures = session.Run(["input"], [OnnxTensor.FromFloats(batch, 2, 3, 224, 224)], ["features"])[0];
Check(batchFeatures.Shape.SequenceEqual([2L, 1280L]), "batch of 2 gives [2, 1280]");
float maxDifference = batchFeatures.FloatData.AsSpan(0, 1280).ToArray()
    .Zip(single["features"].FloatData, (a, b) => MathF.Abs(a - b)).Max();
Check(maxDifference < 1e-4f, $"row 0 of the batch equals the single-image run (max |diff| {maxDifference:G3})");

float[] destination = new float[1280];
long[] shape = session.RunInto("input", pattern, [1, 3, 224, 224], "features", destination);
Check(shape.SequenceEqual([1L, 1280L]), "RunInto returns shape [1, 1280]");
float[] again = new float[1280];
session.RunInto("input", pattern, [1, 3, 224, 224], "features", again);
Check(destination.AsSpan().SequenceEqual(again), "two runs on the same image are bitwise identical");

Console.WriteLine(failures.Count == 0 ? "All checks passed." : $"{failures.Count} check(s) failed.");
return failures.Count == 0 ? 0 : 1;
