using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace PlaceDeMarche.Pipeline.TestSupport.Onnx;

/// <summary>
/// Minimal protocol-buffers wire-format encoder: enough to write ONNX ModelProto messages without a protobuf library.
/// Fields are written in call order; nested messages are encoded into their own writer, then embedded with
/// <see cref="WriteMessage"/> (a length prefix needs the nested size first).
/// </summary>
public sealed class ProtobufWriter
{
    private const int VarintWireType = 0;
    private const int LengthDelimitedWireType = 2;
    private const int Fixed32WireType = 5;

    private readonly ArrayBufferWriter<byte> buffer = new();

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => buffer.WrittenSpan;

    /// <summary>Writes an integer field (protobuf int64/int32/enum: varint, negative values as 10-byte two's complement).</summary>
    public void WriteInt64(int fieldNumber, long value)
    {
        WriteTag(fieldNumber, VarintWireType);
        WriteVarint(unchecked((ulong)value));
    }

    /// <summary>Writes a float field (fixed32, little-endian IEEE 754).</summary>
    public void WriteFloat(int fieldNumber, float value)
    {
        WriteTag(fieldNumber, Fixed32WireType);
        BinaryPrimitives.WriteSingleLittleEndian(buffer.GetSpan(sizeof(float)), value);
        buffer.Advance(sizeof(float));
    }

    /// <summary>Writes a string field as UTF-8 bytes.</summary>
    public void WriteString(int fieldNumber, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int byteCount = Encoding.UTF8.GetByteCount(value);
        WriteTag(fieldNumber, LengthDelimitedWireType);
        WriteVarint((ulong)byteCount);
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(byteCount));
        buffer.Advance(byteCount);
    }

    /// <summary>Writes a bytes field.</summary>
    public void WriteBytes(int fieldNumber, ReadOnlySpan<byte> value)
    {
        WriteTag(fieldNumber, LengthDelimitedWireType);
        WriteVarint((ulong)value.Length);
        buffer.Write(value);
    }

    /// <summary>Writes an embedded message field holding everything <paramref name="message"/> has written.</summary>
    public void WriteMessage(int fieldNumber, ProtobufWriter message)
    {
        ArgumentNullException.ThrowIfNull(message);
        WriteBytes(fieldNumber, message.WrittenSpan);
    }

    /// <summary>Copies the bytes written so far.</summary>
    public byte[] ToArray() => buffer.WrittenSpan.ToArray();

    private void WriteTag(int fieldNumber, int wireType)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fieldNumber, 1);
        WriteVarint(((ulong)(uint)fieldNumber << 3) | (uint)wireType);
    }

    private void WriteVarint(ulong value)
    {
        Span<byte> destination = buffer.GetSpan(10);
        int length = 0;
        while (value >= 0x80)
        {
            destination[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[length++] = (byte)value;
        buffer.Advance(length);
    }
}
