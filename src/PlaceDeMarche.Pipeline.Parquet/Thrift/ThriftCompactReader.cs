using System.Text;
using PlaceDeMarche.Pipeline.Parquet.Encodings;

namespace PlaceDeMarche.Pipeline.Parquet.Thrift;

/// <summary>
/// Decodes the Thrift compact protocol. Unknown fields are skipped by type so metadata from newer or other writers
/// parses; every read is bounds-checked and reports the absolute file offset on failure.
/// </summary>
internal sealed class ThriftCompactReader(ReadOnlyMemory<byte> data, long fileOffsetOfData, string context)
{
    // Deep enough for any real Parquet metadata, shallow enough to stop hostile input from overflowing the stack.
    private const int MaxNestingDepth = 64;

    private readonly Stack<short> _enclosingLastFieldIds = new();
    private short _lastFieldId;
    private int _position;

    /// <summary>Bytes consumed so far.</summary>
    public int Position => _position;

    /// <summary>Absolute offset in the file of the next byte to read.</summary>
    public long FileOffset => fileOffsetOfData + _position;

    public void BeginStruct()
    {
        if (_enclosingLastFieldIds.Count >= MaxNestingDepth)
        {
            throw Error($"structs nested deeper than {MaxNestingDepth} levels");
        }

        _enclosingLastFieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    public void EndStruct() => _lastFieldId = _enclosingLastFieldIds.Pop();

    /// <summary>Reads the next field header; returns false at the struct's stop byte.</summary>
    public bool TryReadFieldHeader(out short fieldId, out ThriftType type)
    {
        byte header = ReadRawByte();
        type = (ThriftType)(header & 0x0F);
        if (type == ThriftType.Stop)
        {
            fieldId = 0;
            return false;
        }

        if (type > ThriftType.Struct)
        {
            throw Error($"unknown field type code {(int)type}", _position - 1);
        }

        int delta = header >> 4;
        fieldId = delta == 0 ? ReadI16() : (short)(_lastFieldId + delta);
        _lastFieldId = fieldId;
        return true;
    }

    /// <summary>A boolean field carries its value in the header's type code.</summary>
    public static bool IsBoolean(ThriftType type) => type is ThriftType.BooleanTrue or ThriftType.BooleanFalse;

    public static bool BooleanFieldValue(ThriftType type) => type == ThriftType.BooleanTrue;

    public sbyte ReadByte() => (sbyte)ReadRawByte();

    public short ReadI16()
    {
        long value = ReadZigZag();
        if (value is < short.MinValue or > short.MaxValue)
        {
            throw Error($"i16 value {value} out of range");
        }

        return (short)value;
    }

    public int ReadI32()
    {
        long value = ReadZigZag();
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw Error($"i32 value {value} out of range");
        }

        return (int)value;
    }

    public long ReadI64() => ReadZigZag();

    public string ReadString()
    {
        int start = _position;
        ReadOnlySpan<byte> bytes = Take(ReadLength());
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            throw new ParquetFormatException($"{context}: invalid UTF-8 string at offset {fileOffsetOfData + start}.", exception);
        }
    }

    /// <summary>Reads a list or set header.</summary>
    public (ThriftType ElementType, int Count) ReadListHeader()
    {
        byte header = ReadRawByte();
        var elementType = (ThriftType)(header & 0x0F);
        int count = header >> 4;
        if (count == 15)
        {
            count = ReadLength();
        }

        // Each element takes at least one byte, so a larger count can only come from corrupt data.
        if (count > data.Length - _position)
        {
            throw Error($"list of {count} elements exceeds the remaining {data.Length - _position} bytes");
        }

        return (elementType, count);
    }

    /// <summary>Reads a list whose elements must be of <paramref name="expectedElementType"/>.</summary>
    public List<T> ReadList<T>(ThriftType expectedElementType, Func<ThriftCompactReader, T> readElement)
    {
        int start = _position;
        var (elementType, count) = ReadListHeader();
        if (elementType != expectedElementType && count > 0)
        {
            throw Error($"list of {elementType} where {expectedElementType} was expected", start);
        }

        var list = new List<T>(count);
        for (int i = 0; i < count; i++)
        {
            list.Add(readElement(this));
        }

        return list;
    }

    /// <summary>Returns a required scalar field's value or reports which field is missing.</summary>
    public T RequiredValue<T>(T? value, string fieldName)
        where T : struct =>
        value ?? throw Error($"required field {fieldName} is missing");

    /// <summary>Returns a required reference field's value or reports which field is missing.</summary>
    public T RequiredObject<T>(T? value, string fieldName)
        where T : class =>
        value ?? throw Error($"required field {fieldName} is missing");

    /// <summary>Skips a value of the given type, including nested structs, lists, sets and maps.</summary>
    public void Skip(ThriftType type) => Skip(type, 0);

    private void Skip(ThriftType type, int depth)
    {
        if (depth > MaxNestingDepth)
        {
            throw Error($"values nested deeper than {MaxNestingDepth} levels");
        }

        switch (type)
        {
            case ThriftType.BooleanTrue or ThriftType.BooleanFalse:
                // As a field the value lives in the header; as a list element it is one byte (handled by the list case).
                break;
            case ThriftType.Byte:
                Take(1);
                break;
            case ThriftType.I16 or ThriftType.I32 or ThriftType.I64:
                ReadZigZag();
                break;
            case ThriftType.Double:
                Take(8);
                break;
            case ThriftType.Binary:
                Take(ReadLength());
                break;
            case ThriftType.List or ThriftType.Set:
                var (elementType, count) = ReadListHeader();
                for (int i = 0; i < count; i++)
                {
                    SkipElement(elementType, depth + 1);
                }

                break;
            case ThriftType.Map:
                int entries = ReadLength();
                if (entries > 0)
                {
                    byte kinds = ReadRawByte();
                    for (int i = 0; i < entries; i++)
                    {
                        SkipElement((ThriftType)(kinds >> 4), depth + 1);
                        SkipElement((ThriftType)(kinds & 0x0F), depth + 1);
                    }
                }

                break;
            case ThriftType.Struct:
                BeginStruct();
                while (TryReadFieldHeader(out _, out ThriftType fieldType))
                {
                    Skip(fieldType, depth + 1);
                }

                EndStruct();
                break;
            default:
                throw Error($"cannot skip a value of unknown type code {(int)type}");
        }
    }

    private void SkipElement(ThriftType elementType, int depth)
    {
        if (IsBoolean(elementType))
        {
            Take(1);
        }
        else
        {
            Skip(elementType, depth);
        }
    }

    private int ReadLength()
    {
        int start = _position;
        ulong length = ReadVarint();
        if (length > (ulong)(data.Length - _position))
        {
            throw Error($"length {length} exceeds the remaining {data.Length - _position} bytes", start);
        }

        return (int)length;
    }

    private long ReadZigZag()
    {
        return Varint.ZigZagDecode(ReadVarint());
    }

    private ulong ReadVarint()
    {
        int start = _position;
        return Varint.TryRead(data.Span, ref _position, out ulong value)
            ? value
            : throw Error("truncated or over-long varint", start);
    }

    private byte ReadRawByte() => Take(1)[0];

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > data.Length - _position)
        {
            throw Error($"truncated: needed {count} more bytes, {data.Length - _position} left");
        }

        ReadOnlySpan<byte> span = data.Span.Slice(_position, count);
        _position += count;
        return span;
    }

    private ParquetFormatException Error(string what) => Error(what, _position);

    private ParquetFormatException Error(string what, int position) =>
        new($"{context}: malformed Thrift metadata at offset {fileOffsetOfData + position}: {what}.");
}
