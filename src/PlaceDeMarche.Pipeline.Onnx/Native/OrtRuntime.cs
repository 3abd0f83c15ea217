using System.Runtime.InteropServices;

namespace PlaceDeMarche.Pipeline.Onnx.Native;

/// <summary>
/// A loaded ONNX Runtime library: its API table and the process-wide <c>OrtEnv</c> every session is created in.
/// </summary>
internal sealed unsafe class OrtRuntime
{
    /// <summary>
    /// <c>ORT_API_VERSION</c> of the onnxruntime_c_api.h matching the pinned runtime (1.30.0). Every function we use
    /// exists since version 1, but asking for the pinned version makes an older library fail here, clearly.
    /// </summary>
    public const uint ApiVersion = 30;

    private OrtRuntime(string libraryPath, string version, OrtApi api, nint environment, nint cpuMemoryInfo)
    {
        LibraryPath = libraryPath;
        Version = version;
        Api = api;
        Environment = environment;
        CpuMemoryInfo = cpuMemoryInfo;
    }

    /// <summary>Path the library was loaded from.</summary>
    public string LibraryPath { get; }

    /// <summary>The runtime's version string, e.g. "1.30.0".</summary>
    public string Version { get; }

    /// <summary>The C API functions.</summary>
    public OrtApi Api { get; }

    /// <summary>
    /// The <c>OrtEnv*</c>. ONNX Runtime wants one per process, outliving every session, so it is never released:
    /// the operating system reclaims it at exit.
    /// </summary>
    public nint Environment { get; }

    /// <summary>
    /// The <c>OrtMemoryInfo*</c> describing caller-owned CPU buffers. Immutable and shared by all sessions; kept for
    /// the process lifetime so a Run racing a Dispose can never see it freed.
    /// </summary>
    public nint CpuMemoryInfo { get; }

    /// <summary>Binds to the library at <paramref name="libraryHandle"/> and creates the environment.</summary>
    /// <exception cref="EntryPointNotFoundException">The library does not export <c>OrtGetApiBase</c>.</exception>
    /// <exception cref="NotSupportedException">The library is older than the API version we need.</exception>
    /// <exception cref="OnnxRuntimeException">The environment could not be created.</exception>
    public static OrtRuntime Bind(nint libraryHandle, string libraryPath)
    {
        if (!NativeLibrary.TryGetExport(libraryHandle, "OrtGetApiBase", out nint getApiBaseAddress))
        {
            throw new EntryPointNotFoundException(
                $"'{libraryPath}' does not export OrtGetApiBase: it is not an ONNX Runtime library.");
        }

        // OrtApiBase is { const OrtApi* (*GetApi)(uint32_t version); const char* (*GetVersionString)(void); }.
        nint* apiBase = ((delegate* unmanaged[Cdecl]<nint*>)getApiBaseAddress)();
        var getApi = (delegate* unmanaged[Cdecl]<uint, nint*>)apiBase[0];
        var getVersionString = (delegate* unmanaged[Cdecl]<byte*>)apiBase[1];
        string version = Marshal.PtrToStringUTF8((nint)getVersionString()) ?? "unknown";

        nint* table = getApi(ApiVersion);
        if (table == null)
        {
            throw new NotSupportedException(
                $"ONNX Runtime {version} at '{libraryPath}' does not provide C API version {ApiVersion}; " +
                $"use ONNX Runtime {OnnxRuntimeLibrary.PinnedVersion} or newer (tools/onnxruntime/fetch-onnxruntime.sh installs it).");
        }

        var api = new OrtApi(table);
        nint environment;
        fixed (byte* logId = "PlaceDeMarche.Pipeline\0"u8)
        {
            api.ThrowIfFailed(api.CreateEnv(OrtApi.LoggingLevelError, logId, &environment), "Creating the ONNX Runtime environment");
        }

        nint cpuMemoryInfo;
        api.ThrowIfFailed(
            api.CreateCpuMemoryInfo(OrtApi.ArenaAllocator, OrtApi.MemTypeDefault, &cpuMemoryInfo), "Creating the CPU memory description");
        return new OrtRuntime(libraryPath, version, api, environment, cpuMemoryInfo);
    }
}
