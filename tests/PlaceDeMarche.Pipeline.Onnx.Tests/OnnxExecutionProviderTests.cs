using Microsoft.ML.OnnxRuntime;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.TestSupport.Logging;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Onnx.Tests;

// The tests build with the CPU package (no GPU on our machines): asking for CUDA must fall back to the CPU.
public sealed class OnnxExecutionProviderTests
{
    private readonly RecordingLog log = new();

    [Fact]
    public void Cuda_asked_for_but_absent_runs_on_the_cpu_after_one_clear_warning()
    {
        using var model = OnnxModel.FromBytes(TestModels.AffineRelu(), "affine", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section, o => o.ExecutionProvider = "cuda"), log);

        Assert.Equal(OnnxExecutionProvider.Cpu, model.ExecutionProvider);
        var warning = Assert.Single(log.Lines);
        Assert.StartsWith("warning: ONNX model 'affine': onnx.execution_provider is cuda but CUDA is not available (", warning);
        Assert.Contains("running on the CPU", warning);
        using var x = OrtValue.CreateTensorValueFromMemory(new float[] { 1f, 2f, 3f }, [1, 3]);
        using var outputs = model.Run(["x"], [x], ["y"]);
        Assert.Equal([2.5f, 1f], outputs[0].GetTensorDataAsSpan<float>().ToArray());
    }

    [Fact]
    public void A_damaged_model_asked_for_on_cuda_reports_the_models_error_not_a_fallback()
    {
        var error = Assert.Throws<OnnxModelException>(
            () => OnnxModel.FromBytes([1, 2, 3], "damaged", StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section, o => o.ExecutionProvider = "cuda"), log));

        Assert.Contains("model 'damaged'", error.Message);
        Assert.Empty(log.Lines);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("CPU")]
    [InlineData("")]
    public void An_unknown_provider_is_a_configuration_error_naming_the_key(string provider)
    {
        var error = Assert.Throws<PipelineConfigurationException>(() => StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section, o => o.ExecutionProvider = provider).RequestedProvider());

        Assert.Equal($"onnx.execution_provider is '{provider}'; use cpu or cuda.", error.Message);
    }

    [Fact]
    public void A_negative_thread_count_is_a_configuration_error()
    {
        var error = Assert.Throws<PipelineConfigurationException>(() => StudyConfiguration.Bind<OnnxSettings>(OnnxSettings.Section, o => o.IntraOpThreads = -1).RequestedProvider());

        Assert.Contains("onnx.intra_op_threads is -1", error.Message);
    }
}
