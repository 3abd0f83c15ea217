namespace PlaceDeMarche.Pipeline.Parquet.Format;

/// <summary>Kinds of pages in a column chunk, numbered as in parquet.thrift.</summary>
internal enum PageType
{
    DataPage = 0,
    IndexPage = 1,
    DictionaryPage = 2,
    DataPageV2 = 3,
}
