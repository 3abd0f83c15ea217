using System.Buffers;
using System.Text;

namespace PlaceDeMarche.Pipeline.Dataset.Csv;

/// <summary>Streaming RFC 4180 reader: quoted fields may hold separators, doubled quotes and line breaks; records end
/// at LF, CRLF or CR; a leading BOM is skipped; blank lines between records are skipped. Every record must have as
/// many fields as the first one (the header when there is one). Fields of the current record are exposed as spans
/// over a reused buffer, so reading allocates nothing per record.</summary>
public sealed class CsvReader : IDisposable
{
    private const int ReadChunkSize = 64 * 1024;
    private static readonly SearchValues<char> QuotedFieldStops = SearchValues.Create("\"\r\n");

    private readonly TextReader _reader;
    private readonly char _separator;
    private readonly SearchValues<char> _unquotedFieldStops;
    private readonly char[] _buffer = new char[ReadChunkSize];
    private readonly string[] _header = [];
    private readonly Dictionary<string, int> _columnIndexes = new(StringComparer.Ordinal);
    private readonly long _headerLine;
    private int _position;
    private int _length;
    private bool _endOfInput;
    private bool _bomChecked;
    private long _line = 1;
    private char[] _chars = new char[4096];
    private int _charCount;
    private int[] _fieldEnds = new int[32];
    private int _expectedFieldCount = -1;

    /// <summary>Reads CSV text from <paramref name="reader"/> (disposed with this reader); errors name
    /// <paramref name="sourceName"/>. With a header (the default) the header record is read here.</summary>
    /// <exception cref="CsvFormatException">The header is missing, malformed or names a column twice.</exception>
    public CsvReader(TextReader reader, string sourceName, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        options ??= new CsvOptions();
        options.Validate();
        _reader = reader;
        _separator = options.Separator;
        _unquotedFieldStops = SearchValues.Create([_separator, '"', '\r', '\n']);
        SourceName = sourceName;
        if (!options.HasHeader)
        {
            return;
        }

        RecordNumber = -1; // so that the header is record 0 and data records count from 1
        if (!ReadRecord())
        {
            throw new CsvFormatException(sourceName, _line, 0, 0, null, "the file is empty but a header row is expected");
        }

        _headerLine = LineNumber;
        _header = new string[FieldCount];
        for (var column = 0; column < FieldCount; column++)
        {
            _header[column] = this[column];
            if (!_columnIndexes.TryAdd(_header[column], column))
            {
                throw CreateError(
                    column, $"column name '{_header[column]}' also names column {_columnIndexes[_header[column]] + 1}");
            }
        }
    }

    /// <summary>Opens a UTF-8 (BOM or not) CSV file; errors name its path.</summary>
    public static CsvReader Open(string path, CsvOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var reader = new StreamReader(
            path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true,
            new FileStreamOptions { Access = FileAccess.Read, Share = FileShare.Read, Options = FileOptions.SequentialScan });
        return new CsvReader(reader, path, options);
    }

    /// <summary>Label used in error messages, usually the file path.</summary>
    public string SourceName { get; }

    /// <summary>Column names from the header row; empty when the options say there is none.</summary>
    public IReadOnlyList<string> Header => _header;

    /// <summary>1-based number of the current data record (0 while on the header).</summary>
    public long RecordNumber { get; private set; }

    /// <summary>1-based physical line where the current record starts.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Number of fields in the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The field at 0-based <paramref name="column"/> of the current record, as a new string.</summary>
    public string this[int column] => new(GetSpan(column));

    /// <summary>Moves to the next record.</summary>
    /// <returns>False at the end of the input.</returns>
    /// <exception cref="CsvFormatException">The record is malformed or has the wrong number of fields.</exception>
    public bool Read() => ReadRecord();

    /// <summary>The field at 0-based <paramref name="column"/> of the current record, valid until the next
    /// <see cref="Read"/>.</summary>
    public ReadOnlySpan<char> GetSpan(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, FieldCount);
        var start = column == 0 ? 0 : _fieldEnds[column - 1];
        return _chars.AsSpan(start, _fieldEnds[column] - start);
    }

    /// <summary>0-based index of the header column named <paramref name="name"/> (exact, case-sensitive).</summary>
    /// <exception cref="CsvFormatException">No header column has that name.</exception>
    public int GetColumnIndex(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_header.Length == 0)
        {
            throw new InvalidOperationException($"{SourceName} was opened without a header row: columns have no names.");
        }

        if (_columnIndexes.TryGetValue(name, out var index))
        {
            return index;
        }

        throw new CsvFormatException(
            SourceName, _headerLine, 0, 0, null,
            $"required column '{name}' is missing; the header has: {string.Join(", ", _header)}");
    }

    /// <summary>An error about the current record's field at 0-based <paramref name="column"/>, for callers that
    /// validate values, so their messages locate the problem like the parser's own.</summary>
    public CsvFormatException CreateError(int column, string problem) =>
        new(SourceName, LineNumber, RecordNumber, column + 1, ColumnName(column), problem);

    /// <summary>Disposes the underlying text reader.</summary>
    public void Dispose() => _reader.Dispose();

    private string? ColumnName(int column) => column >= 0 && column < _header.Length ? _header[column] : null;

    private bool ReadRecord()
    {
        int next;
        while ((next = Peek()) is '\r' or '\n')
        {
            ConsumeLineBreak();
        }

        if (next < 0)
        {
            FieldCount = 0;
            return false;
        }

        RecordNumber++;
        LineNumber = _line;
        _charCount = 0;
        FieldCount = 0;
        bool endOfRecord;
        do
        {
            endOfRecord = Peek() == '"' ? ParseQuotedField() : ParseUnquotedField();
            EndField();
        }
        while (!endOfRecord);

        if (_expectedFieldCount < 0)
        {
            _expectedFieldCount = FieldCount;
        }
        else if (FieldCount != _expectedFieldCount)
        {
            throw CreateError(
                Math.Min(FieldCount, _expectedFieldCount),
                $"expected {_expectedFieldCount} fields like the first record, found {FieldCount}");
        }

        return true;
    }

    /// <summary>Reads an unquoted field up to a separator (returns false) or the end of the record (returns true).</summary>
    private bool ParseUnquotedField()
    {
        while (true)
        {
            if (_position == _length && !Fill())
            {
                return true;
            }

            var pending = _buffer.AsSpan(_position, _length - _position);
            var stop = pending.IndexOfAny(_unquotedFieldStops);
            if (stop < 0)
            {
                Append(pending);
                _position = _length;
                continue;
            }

            Append(pending[..stop]);
            _position += stop;
            var character = _buffer[_position];
            if (character == _separator)
            {
                _position++;
                return false;
            }

            if (character == '"')
            {
                throw Error("a quote appears inside an unquoted field; quote the whole field and double inner quotes");
            }

            ConsumeLineBreak();
            return true;
        }
    }

    /// <summary>Reads a quoted field (current character is its opening quote) and what follows the closing quote:
    /// a separator (returns false) or the end of the record (returns true).</summary>
    private bool ParseQuotedField()
    {
        var openingLine = _line;
        _position++;
        while (true)
        {
            if (_position == _length && !Fill())
            {
                throw Error($"the quoted field opened on line {openingLine} is not closed before the end of the file");
            }

            var pending = _buffer.AsSpan(_position, _length - _position);
            var stop = pending.IndexOfAny(QuotedFieldStops);
            if (stop < 0)
            {
                Append(pending);
                _position = _length;
                continue;
            }

            Append(pending[..stop]);
            _position += stop;
            var character = _buffer[_position++];
            if (character != '"')
            {
                // A line break inside the field is data; CRLF counts as one physical line.
                Append([character]);
                if (character == '\n' || Peek() != '\n')
                {
                    _line++;
                }

                continue;
            }

            var next = Peek();
            if (next == '"')
            {
                Append("\"");
                _position++;
            }
            else if (next == _separator)
            {
                _position++;
                return false;
            }
            else if (next < 0)
            {
                return true;
            }
            else if (next is '\r' or '\n')
            {
                ConsumeLineBreak();
                return true;
            }
            else
            {
                throw Error($"unexpected '{(char)next}' after the closing quote of a quoted field");
            }
        }
    }

    private CsvFormatException Error(string problem) =>
        new(SourceName, _line, RecordNumber, FieldCount + 1, ColumnName(FieldCount), problem);

    private int Peek() => _position < _length || Fill() ? _buffer[_position] : -1;

    private void ConsumeLineBreak()
    {
        if (_buffer[_position++] == '\r' && Peek() == '\n')
        {
            _position++;
        }

        _line++;
    }

    private bool Fill()
    {
        while (!_endOfInput)
        {
            _length = _reader.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            if (_length == 0)
            {
                _endOfInput = true;
                break;
            }

            if (!_bomChecked)
            {
                _bomChecked = true;
                if (_buffer[0] == '\uFEFF')
                {
                    _position = 1;
                }
            }

            if (_position < _length)
            {
                return true;
            }
        }

        return false;
    }

    private void Append(ReadOnlySpan<char> characters)
    {
        if (_charCount + characters.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + characters.Length));
        }

        characters.CopyTo(_chars.AsSpan(_charCount));
        _charCount += characters.Length;
    }

    private void EndField()
    {
        if (FieldCount == _fieldEnds.Length)
        {
            Array.Resize(ref _fieldEnds, _fieldEnds.Length * 2);
        }

        _fieldEnds[FieldCount++] = _charCount;
    }
}
