using PlaceDeMarche.Pipeline.Parquet.Columns;

namespace PlaceDeMarche.Pipeline.Parquet;

/// <summary>Name and type of one column of a Parquet file, as returned by <see cref="ParquetReader.ReadSchema(Stream)"/>.</summary>
public sealed record ParquetColumnInfo(string Name, ParquetValueKind Kind, bool IsNullable);
