using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Tests.Schema;

/// <summary>Tables whose values are functions of the row number, so every reader can recompute what it must find.</summary>
internal static class SampleTables
{
    public const int EveryKindRows = 23;

    /// <summary>Every column kind twice, required and nullable, with nulls, empty strings and empty vectors.</summary>
    public static ParquetTable EveryKind()
    {
        int[] rows = [.. Enumerable.Range(0, EveryKindRows)];
        return new ParquetTable(
            new PrimitiveColumn<int>("id", [.. rows.Select(Id)]),
            new PrimitiveColumn<int>("maybe_int", [.. rows.Select(i => IsNull(i) ? (int?)null : Id(i) * -3)]),
            new PrimitiveColumn<long>("big", [.. rows.Select(Big)]),
            new PrimitiveColumn<long>("maybe_big", [.. rows.Select(i => IsNull(i + 1) ? (long?)null : -Big(i))]),
            new PrimitiveColumn<float>("score", [.. rows.Select(Score)]),
            new PrimitiveColumn<float>("maybe_score", [.. rows.Select(i => IsNull(i + 2) ? (float?)null : -Score(i))]),
            new PrimitiveColumn<double>("ratio", [.. rows.Select(Ratio)]),
            new PrimitiveColumn<double>("maybe_ratio", [.. rows.Select(i => IsNull(i) ? (double?)null : Ratio(i) * 2)]),
            new PrimitiveColumn<bool>("flag", [.. rows.Select(Flag)]),
            new PrimitiveColumn<bool>("maybe_flag", [.. rows.Select(i => IsNull(i + 1) ? (bool?)null : !Flag(i))]),
            new StringColumn("name", [.. rows.Select(Name)]),
            new StringColumn("maybe_name", [.. rows.Select(i => IsNull(i + 2) ? null : Name(i + 100))], isNullable: true),
            new FloatVectorColumn("embedding", [.. rows.Select(Vector)]),
            new FloatVectorColumn("maybe_embedding", [.. rows.Select(i => IsNull(i) ? null : Vector(i + 1))], isNullable: true));
    }

    /// <summary>
    /// More rows than one row group holds, so the writer splits every column, vectors included, across groups.
    /// Row i: id i, a label missing every 5th row, a vector of i % 4 floats missing every 7th row.
    /// </summary>
    public static ParquetTable SeveralRowGroups(int rows)
    {
        int[] range = [.. Enumerable.Range(0, rows)];
        return new ParquetTable(
            new PrimitiveColumn<int>("id", range),
            new StringColumn("label", [.. range.Select(i => i % 5 == 0 ? null : $"l{i % 11}")], isNullable: true),
            new FloatVectorColumn("vector", [.. range.Select(i => i % 7 == 0 ? null : Enumerable.Range(0, i % 4).Select(k => i + (k / 4f)).ToArray())], isNullable: true));
    }

    public static bool IsNull(int i) => i % 3 == 1;

    public static int Id(int i) => (i * 1_000_003) - 7_000_000;

    public static long Big(int i) => (i * 123_456_789_012L) + (long.MinValue / 2);

    public static float Score(int i) => (i * 0.1f) - 1.5f;

    public static double Ratio(int i) => Math.Sqrt(i) / 7;

    public static bool Flag(int i) => i % 4 is 0 or 3;

    public static string Name(int i) => i % 5 == 0 ? string.Empty : $"produit n°{i} «{new string('x', i % 7)}» 🛒";

    // Lengths cycle through 0..18 so empty vectors and vectors of several elements both occur.
    public static float[] Vector(int i) => [.. Enumerable.Range(0, i % 7 * 3).Select(k => (i * 0.5f) - (k / 3f))];
}
