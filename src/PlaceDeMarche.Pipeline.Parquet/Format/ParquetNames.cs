using System.Text;

namespace PlaceDeMarche.Pipeline.Parquet.Format;

/// <summary>Spells format enums the way the Parquet specification does (e.g. DELTA_BINARY_PACKED) for error messages.</summary>
internal static class ParquetNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        string name = value.ToString();
        var result = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                result.Append('_');
            }

            result.Append(char.ToUpperInvariant(name[i]));
        }

        return result.ToString();
    }
}
