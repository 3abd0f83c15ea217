namespace PlaceDeMarche.Pipeline.Parquet.Format;

/// <summary>Repetition of a schema node, numbered as in parquet.thrift.</summary>
internal enum FieldRepetition
{
    Required = 0,
    Optional = 1,
    Repeated = 2,
}
