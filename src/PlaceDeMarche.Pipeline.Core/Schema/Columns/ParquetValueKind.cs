namespace PlaceDeMarche.Pipeline.Core.Schema.Columns;

/// <summary>The value types a <see cref="ParquetColumn"/> can hold and how each maps to Parquet (and DuckDB).</summary>
public enum ParquetValueKind
{
    /// <summary>BOOLEAN (DuckDB BOOLEAN).</summary>
    Boolean,

    /// <summary>INT32 (DuckDB INTEGER).</summary>
    Int32,

    /// <summary>INT64 (DuckDB BIGINT).</summary>
    Int64,

    /// <summary>FLOAT (DuckDB FLOAT).</summary>
    Float,

    /// <summary>DOUBLE (DuckDB DOUBLE).</summary>
    Double,

    /// <summary>BYTE_ARRAY annotated STRING, UTF-8 (DuckDB VARCHAR).</summary>
    String,

    /// <summary>3-level LIST of required FLOAT elements (DuckDB FLOAT[]).</summary>
    FloatVector,
}
