using PlaceDeMarche.Pipeline.Onnx.Native;

namespace PlaceDeMarche.Pipeline.Onnx.Tests;

public sealed class OnnxRuntimeLibraryTests
{
    [Fact]
    public void The_pinned_runtime_is_loaded()
    {
        Assert.Equal(OnnxRuntimeLibrary.PinnedVersion, OnnxRuntimeLibrary.RuntimeVersion);
        Assert.NotNull(OnnxRuntimeLibrary.LoadedPath);
    }

    [Fact]
    public void Asking_for_another_library_once_loaded_is_refused()
    {
        _ = OnnxRuntimeLibrary.RuntimeVersion; // make sure a library is loaded

        var error = Assert.Throws<InvalidOperationException>(() => OnnxRuntimeLibrary.Load("/nonexistent/libonnxruntime.so.1"));

        Assert.Contains("already loaded", error.Message);
    }
}
