using System.Reflection;
using System.Reflection.Emit;

namespace PlaceDeMarche.Pipeline.Core.Caching;

/// <summary>Every IL opcode by its encoding, so a method body can be walked instruction by instruction.</summary>
internal static class ILOpCodeTable
{
    private const byte TwoBytePrefix = 0xFE;

    private static readonly OpCode?[] OneByte = new OpCode?[256];
    private static readonly OpCode?[] TwoByte = new OpCode?[256];

    static ILOpCodeTable()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is not OpCode code)
            {
                continue;
            }

            var value = (ushort)code.Value;
            if (code.Size == 1)
            {
                OneByte[value] = code;
            }
            else
            {
                TwoByte[value & 0xFF] = code;
            }
        }
    }

    /// <summary>The opcode at <paramref name="offset"/>, advancing past it; null for bytes that encode no opcode.</summary>
    public static OpCode? Read(ReadOnlySpan<byte> il, ref int offset)
    {
        var first = il[offset++];
        if (first != TwoBytePrefix)
        {
            return OneByte[first];
        }

        return offset < il.Length ? TwoByte[il[offset++]] : null;
    }

    /// <summary>Bytes of an inline operand that is not a metadata token (switch tables are sized by the caller).</summary>
    public static int ImmediateSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineBrTarget or OperandType.InlineI or OperandType.ShortInlineR => 4,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(operand), operand, "not an immediate operand"),
    };
}
