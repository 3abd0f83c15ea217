using System.Buffers;
using System.Text;
using PlaceDeMarche.Pipeline.Parquet.Encodings;

namespace PlaceDeMarche.Pipeline.Parquet.Thrift;

/// <summary>Encodes values with the Thrift compact protocol (the encoding of all Parquet metadata).</summary>
internal sealed class ThriftCompactWriter(IBufferWriter<byte> output)
{
    private readonly Stack<short> _enclosingLastFieldIds = new();
    private short _lastFieldId;

    /// <summary>Starts a struct: field ids inside are delta-encoded from zero.</summary>
    public void BeginStruct()
    {
        _enclosingLastFieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    /// <summary>Writes the stop byte and returns to the enclosing struct's field numbering.</summary>
    public void EndStruct()
    {
        WriteByte((byte)ThriftType.Stop);
        _lastFieldId = _enclosingLastFieldIds.Pop();
    }

    public void WriteFieldHeader(short fieldId, ThriftType type)
    {
        int delta = fieldId - _lastFieldId;
        if (delta is > 0 and <= 15)
        {
            WriteByte((byte)((delta << 4) | (byte)type));
        }
        else
        {
            WriteByte((byte)type);
            WriteI16(fieldId);
        }

        _lastFieldId = fieldId;
    }

    public void WriteBoolField(short fieldId, bool value) =>
        WriteFieldHeader(fieldId, value ? ThriftType.BooleanTrue : ThriftType.BooleanFalse);

    public void WriteI32Field(short fieldId, int value)
    {
        WriteFieldHeader(fieldId, ThriftType.I32);
        WriteI32(value);
    }

    public void WriteI64Field(short fieldId, long value)
    {
        WriteFieldHeader(fieldId, ThriftType.I64);
        WriteI64(value);
    }

    public void WriteStringField(short fieldId, string value)
    {
        WriteFieldHeader(fieldId, ThriftType.Binary);
        WriteString(value);
    }

    /// <summary>Writes a struct-typed field header and begins the nested struct.</summary>
    public void BeginStructField(short fieldId)
    {
        WriteFieldHeader(fieldId, ThriftType.Struct);
        BeginStruct();
    }

    public void WriteListHeader(ThriftType elementType, int count)
    {
        if (count < 15)
        {
            WriteByte((byte)((count << 4) | (byte)elementType));
        }
        else
        {
            WriteByte((byte)(0xF0 | (byte)elementType));
            WriteVarint((uint)count);
        }
    }

    public void WriteI16(short value) => WriteVarint(Varint.ZigZagEncode(value));

    public void WriteI32(int value) => WriteVarint(Varint.ZigZagEncode(value));

    public void WriteI64(long value) => WriteVarint(Varint.ZigZagEncode(value));

    public void WriteString(string value)
    {
        int byteCount = Encoding.UTF8.GetByteCount(value);
        WriteVarint((uint)byteCount);
        Encoding.UTF8.GetBytes(value, output.GetSpan(byteCount));
        output.Advance(byteCount);
    }

    public void WriteVarint(ulong value) => Varint.Write(value, output);

    public void WriteByte(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
