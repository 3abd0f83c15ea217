using System.Runtime.InteropServices;

namespace PlaceDeMarche.Pipeline.Onnx.Native;

/// <summary>
/// The functions of ONNX Runtime's C API that we call, read from the <c>OrtApi</c> struct returned by
/// <c>OrtGetApiBase()-&gt;GetApi(version)</c>. That struct is a flat table of function pointers whose order is fixed
/// and only ever appended to (onnxruntime_c_api.h, 1.x), so each entry is read at its index. Pointer arguments are
/// <see cref="nint"/> handles; every function returning <see cref="nint"/> returns an <c>OrtStatus*</c>, null on success.
/// </summary>
internal sealed unsafe class OrtApi
{
    // Indices of the entries in the OrtApi struct (onnxruntime_c_api.h, stable since API version 1).
    private const int GetErrorCodeIndex = 1;
    private const int GetErrorMessageIndex = 2;
    private const int CreateEnvIndex = 3;
    private const int CreateSessionIndex = 7;
    private const int CreateSessionFromArrayIndex = 8;
    private const int RunIndex = 9;
    private const int CreateSessionOptionsIndex = 10;
    private const int SetSessionGraphOptimizationLevelIndex = 23;
    private const int SetIntraOpNumThreadsIndex = 24;
    private const int SessionGetInputCountIndex = 30;
    private const int SessionGetOutputCountIndex = 31;
    private const int SessionGetInputTypeInfoIndex = 33;
    private const int SessionGetOutputTypeInfoIndex = 34;
    private const int SessionGetInputNameIndex = 36;
    private const int SessionGetOutputNameIndex = 37;
    private const int CreateTensorWithDataAsOrtValueIndex = 49;
    private const int IsTensorIndex = 50;
    private const int GetTensorMutableDataIndex = 51;
    private const int CastTypeInfoToTensorInfoIndex = 55;
    private const int GetOnnxTypeFromTypeInfoIndex = 56;
    private const int GetTensorElementTypeIndex = 60;
    private const int GetDimensionsCountIndex = 61;
    private const int GetDimensionsIndex = 62;
    private const int GetTensorTypeAndShapeIndex = 65;
    private const int CreateCpuMemoryInfoIndex = 69;
    private const int AllocatorFreeIndex = 76;
    private const int GetAllocatorWithDefaultOptionsIndex = 78;
    private const int ReleaseStatusIndex = 93;
    private const int ReleaseSessionIndex = 95;
    private const int ReleaseValueIndex = 96;
    private const int ReleaseTypeInfoIndex = 98;
    private const int ReleaseTensorTypeAndShapeInfoIndex = 99;
    private const int ReleaseSessionOptionsIndex = 100;

    /// <summary>ONNX <c>ONNXType</c> value of a tensor.</summary>
    public const int OnnxTypeTensor = 1;

    /// <summary><c>OrtArenaAllocator</c>, the allocator type of CPU memory info for caller-owned buffers.</summary>
    public const int ArenaAllocator = 1;

    /// <summary><c>OrtMemTypeDefault</c>.</summary>
    public const int MemTypeDefault = 0;

    /// <summary><c>ORT_LOGGING_LEVEL_ERROR</c>: failures come back as statuses; warnings would only add noise.</summary>
    public const int LoggingLevelError = 3;

    /// <summary>Reads the entries from the table returned by <c>GetApi</c>.</summary>
    public OrtApi(nint* table)
    {
        GetErrorCode = (delegate* unmanaged[Cdecl]<nint, int>)table[GetErrorCodeIndex];
        GetErrorMessage = (delegate* unmanaged[Cdecl]<nint, byte*>)table[GetErrorMessageIndex];
        CreateEnv = (delegate* unmanaged[Cdecl]<int, byte*, nint*, nint>)table[CreateEnvIndex];
        CreateSession = (delegate* unmanaged[Cdecl]<nint, void*, nint, nint*, nint>)table[CreateSessionIndex];
        CreateSessionFromArray = (delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint>)table[CreateSessionFromArrayIndex];
        Run = (delegate* unmanaged[Cdecl]<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)table[RunIndex];
        CreateSessionOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)table[CreateSessionOptionsIndex];
        SetSessionGraphOptimizationLevel = (delegate* unmanaged[Cdecl]<nint, int, nint>)table[SetSessionGraphOptimizationLevelIndex];
        SetIntraOpNumThreads = (delegate* unmanaged[Cdecl]<nint, int, nint>)table[SetIntraOpNumThreadsIndex];
        SessionGetInputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)table[SessionGetInputCountIndex];
        SessionGetOutputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)table[SessionGetOutputCountIndex];
        SessionGetInputTypeInfo = (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)table[SessionGetInputTypeInfoIndex];
        SessionGetOutputTypeInfo = (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)table[SessionGetOutputTypeInfoIndex];
        SessionGetInputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)table[SessionGetInputNameIndex];
        SessionGetOutputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)table[SessionGetOutputNameIndex];
        CreateTensorWithDataAsOrtValue =
            (delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint>)table[CreateTensorWithDataAsOrtValueIndex];
        IsTensor = (delegate* unmanaged[Cdecl]<nint, int*, nint>)table[IsTensorIndex];
        GetTensorMutableData = (delegate* unmanaged[Cdecl]<nint, void**, nint>)table[GetTensorMutableDataIndex];
        CastTypeInfoToTensorInfo = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)table[CastTypeInfoToTensorInfoIndex];
        GetOnnxTypeFromTypeInfo = (delegate* unmanaged[Cdecl]<nint, int*, nint>)table[GetOnnxTypeFromTypeInfoIndex];
        GetTensorElementType = (delegate* unmanaged[Cdecl]<nint, int*, nint>)table[GetTensorElementTypeIndex];
        GetDimensionsCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)table[GetDimensionsCountIndex];
        GetDimensions = (delegate* unmanaged[Cdecl]<nint, long*, nuint, nint>)table[GetDimensionsIndex];
        GetTensorTypeAndShape = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)table[GetTensorTypeAndShapeIndex];
        CreateCpuMemoryInfo = (delegate* unmanaged[Cdecl]<int, int, nint*, nint>)table[CreateCpuMemoryInfoIndex];
        AllocatorFree = (delegate* unmanaged[Cdecl]<nint, void*, nint>)table[AllocatorFreeIndex];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)table[GetAllocatorWithDefaultOptionsIndex];
        ReleaseStatus = (delegate* unmanaged[Cdecl]<nint, void>)table[ReleaseStatusIndex];
        ReleaseSession = (delegate* unmanaged[Cdecl]<nint, void>)table[ReleaseSessionIndex];
        ReleaseValue = (delegate* unmanaged[Cdecl]<nint, void>)table[ReleaseValueIndex];
        ReleaseTypeInfo = (delegate* unmanaged[Cdecl]<nint, void>)table[ReleaseTypeInfoIndex];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged[Cdecl]<nint, void>)table[ReleaseTensorTypeAndShapeInfoIndex];
        ReleaseSessionOptions = (delegate* unmanaged[Cdecl]<nint, void>)table[ReleaseSessionOptionsIndex];
    }

    /// <summary><c>OrtErrorCode GetErrorCode(const OrtStatus*)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, int> GetErrorCode { get; }

    /// <summary><c>const char* GetErrorMessage(const OrtStatus*)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, byte*> GetErrorMessage { get; }

    /// <summary><c>CreateEnv(OrtLoggingLevel, const char* logid, OrtEnv** out)</c>.</summary>
    public delegate* unmanaged[Cdecl]<int, byte*, nint*, nint> CreateEnv { get; }

    /// <summary><c>CreateSession(const OrtEnv*, const ORTCHAR_T* model_path, const OrtSessionOptions*, OrtSession** out)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, void*, nint, nint*, nint> CreateSession { get; }

    /// <summary><c>CreateSessionFromArray(const OrtEnv*, const void* model_data, size_t length, const OrtSessionOptions*, OrtSession** out)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint> CreateSessionFromArray { get; }

    /// <summary>
    /// <c>Run(OrtSession*, const OrtRunOptions*, const char* const* input_names, const OrtValue* const* inputs, size_t input_len,
    /// const char* const* output_names, size_t output_names_len, OrtValue** outputs)</c>.
    /// </summary>
    public delegate* unmanaged[Cdecl]<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint> Run { get; }

    /// <summary><c>CreateSessionOptions(OrtSessionOptions** out)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint*, nint> CreateSessionOptions { get; }

    /// <summary><c>SetSessionGraphOptimizationLevel(OrtSessionOptions*, GraphOptimizationLevel)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, int, nint> SetSessionGraphOptimizationLevel { get; }

    /// <summary><c>SetIntraOpNumThreads(OrtSessionOptions*, int)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, int, nint> SetIntraOpNumThreads { get; }

    /// <summary><c>SessionGetInputCount(const OrtSession*, size_t* out)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetInputCount { get; }

    /// <summary><c>SessionGetOutputCount(const OrtSession*, size_t* out)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetOutputCount { get; }

    /// <summary><c>SessionGetInputTypeInfo(const OrtSession*, size_t index, OrtTypeInfo** out)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetInputTypeInfo { get; }

    /// <summary><c>SessionGetOutputTypeInfo(const OrtSession*, size_t index, OrtTypeInfo** out)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetOutputTypeInfo { get; }

    /// <summary><c>SessionGetInputName(const OrtSession*, size_t index, OrtAllocator*, char** out)</c>; free with <see cref="AllocatorFree"/>.</summary>
    public delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> SessionGetInputName { get; }

    /// <summary><c>SessionGetOutputName(const OrtSession*, size_t index, OrtAllocator*, char** out)</c>; free with <see cref="AllocatorFree"/>.</summary>
    public delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> SessionGetOutputName { get; }

    /// <summary>
    /// <c>CreateTensorWithDataAsOrtValue(const OrtMemoryInfo*, void* data, size_t byte_length, const int64_t* shape,
    /// size_t shape_len, ONNXTensorElementDataType, OrtValue** out)</c>: the value borrows the caller's buffer.
    /// </summary>
    public delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint> CreateTensorWithDataAsOrtValue { get; }

    /// <summary><c>IsTensor(const OrtValue*, int* out)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, int*, nint> IsTensor { get; }

    /// <summary><c>GetTensorMutableData(OrtValue*, void** out)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, void**, nint> GetTensorMutableData { get; }

    /// <summary><c>CastTypeInfoToTensorInfo(const OrtTypeInfo*, const OrtTensorTypeAndShapeInfo** out)</c>; the result is owned by the type info.</summary>
    public delegate* unmanaged[Cdecl]<nint, nint*, nint> CastTypeInfoToTensorInfo { get; }

    /// <summary><c>GetOnnxTypeFromTypeInfo(const OrtTypeInfo*, ONNXType* out)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, int*, nint> GetOnnxTypeFromTypeInfo { get; }

    /// <summary><c>GetTensorElementType(const OrtTensorTypeAndShapeInfo*, ONNXTensorElementDataType* out)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, int*, nint> GetTensorElementType { get; }

    /// <summary><c>GetDimensionsCount(const OrtTensorTypeAndShapeInfo*, size_t* out)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetDimensionsCount { get; }

    /// <summary><c>GetDimensions(const OrtTensorTypeAndShapeInfo*, int64_t* values, size_t count)</c>; -1 marks a dynamic dimension.</summary>
    public delegate* unmanaged[Cdecl]<nint, long*, nuint, nint> GetDimensions { get; }

    /// <summary><c>GetTensorTypeAndShape(const OrtValue*, OrtTensorTypeAndShapeInfo** out)</c>; release the result.</summary>
    public delegate* unmanaged[Cdecl]<nint, nint*, nint> GetTensorTypeAndShape { get; }

    /// <summary><c>CreateCpuMemoryInfo(OrtAllocatorType, OrtMemType, OrtMemoryInfo** out)</c>.</summary>
    public delegate* unmanaged[Cdecl]<int, int, nint*, nint> CreateCpuMemoryInfo { get; }

    /// <summary><c>AllocatorFree(OrtAllocator*, void*)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, void*, nint> AllocatorFree { get; }

    /// <summary><c>GetAllocatorWithDefaultOptions(OrtAllocator** out)</c>; the allocator is owned by the runtime.</summary>
    public delegate* unmanaged[Cdecl]<nint*, nint> GetAllocatorWithDefaultOptions { get; }

    /// <summary><c>void ReleaseStatus(OrtStatus*)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, void> ReleaseStatus { get; }

    /// <summary><c>void ReleaseSession(OrtSession*)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, void> ReleaseSession { get; }

    /// <summary><c>void ReleaseValue(OrtValue*)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, void> ReleaseValue { get; }

    /// <summary><c>void ReleaseTypeInfo(OrtTypeInfo*)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, void> ReleaseTypeInfo { get; }

    /// <summary><c>void ReleaseTensorTypeAndShapeInfo(OrtTensorTypeAndShapeInfo*)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, void> ReleaseTensorTypeAndShapeInfo { get; }

    /// <summary><c>void ReleaseSessionOptions(OrtSessionOptions*)</c>.</summary>
    public delegate* unmanaged[Cdecl]<nint, void> ReleaseSessionOptions { get; }

    /// <summary>Throws <see cref="OnnxRuntimeException"/> if <paramref name="status"/> reports a failure, releasing it either way.</summary>
    /// <param name="status">The <c>OrtStatus*</c> a call returned.</param>
    /// <param name="operation">What was attempted, for the message (e.g. "Running model.onnx").</param>
    public void ThrowIfFailed(nint status, string operation)
    {
        if (status == 0)
        {
            return;
        }

        var errorCode = (OnnxRuntimeErrorCode)GetErrorCode(status);
        string message = Marshal.PtrToStringUTF8((nint)GetErrorMessage(status)) ?? string.Empty;
        ReleaseStatus(status);
        throw new OnnxRuntimeException(errorCode, message, operation);
    }
}
