namespace PlaceDeMarche.Pipeline.Dataset.Csv;

/// <summary>A CSV file is malformed, or a value in it is invalid. The message names the file, the physical line,
/// the record and the column.</summary>
public sealed class CsvFormatException : Exception
{
    /// <summary>Creates the exception. <paramref name="recordNumber"/> is 0 for the header; <paramref name="column"/>
    /// is 1-based, 0 when no single column is at fault.</summary>
    public CsvFormatException(
        string sourceName, long lineNumber, long recordNumber, int column, string? columnName, string problem)
        : base($"{sourceName}: line {lineNumber}, {(recordNumber == 0 ? "header record" : $"record {recordNumber}")}"
               + (column > 0 ? $", column {column}" + (columnName is null ? "" : $" ({columnName})") : "")
               + $": {problem}")
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
        RecordNumber = recordNumber;
        Column = column;
        ColumnName = columnName;
    }

    /// <summary>File name (or other label) of the CSV source.</summary>
    public string SourceName { get; }

    /// <summary>1-based physical line where the problem was found.</summary>
    public long LineNumber { get; }

    /// <summary>1-based data record number; 0 for the header record.</summary>
    public long RecordNumber { get; }

    /// <summary>1-based column, or 0 when the problem concerns no single column.</summary>
    public int Column { get; }

    /// <summary>Header name of <see cref="Column"/> when known.</summary>
    public string? ColumnName { get; }
}
