using System.Runtime.InteropServices;

namespace PlaceDeMarche.Pipeline.Onnx.Native;

/// <summary>
/// Owns one ONNX Runtime object (a session, session options) and releases it exactly once with the
/// runtime's matching Release function, even if the owner is never disposed. Its reference count also keeps a
/// session alive while a concurrent Run uses it.
/// </summary>
internal sealed unsafe class OrtHandle : SafeHandle
{
    private readonly delegate* unmanaged[Cdecl]<nint, void> release;

    /// <summary>Takes ownership of <paramref name="handle"/>, to be freed by <paramref name="release"/>.</summary>
    public OrtHandle(nint handle, delegate* unmanaged[Cdecl]<nint, void> release)
        : base(invalidHandleValue: 0, ownsHandle: true)
    {
        this.release = release;
        SetHandle(handle);
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == 0;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        release(handle);
        return true;
    }
}
