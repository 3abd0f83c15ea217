using System.Text;
using PlaceDeMarche.Pipeline.Dataset.Csv;

namespace PlaceDeMarche.Pipeline.Dataset.Tests.Csv;

public sealed class CsvReaderTests
{
    // BOM, CRLF and LF line ends, a blank line, quoted separators, doubled quotes and multi-line fields.
    private const string Tricky =
        "\uFEFFid,name,notes\r\n"
        + "1,\"Curtain, blue\",\"He said \"\"hi\"\"\r\nsecond line\"\r\n"
        + "2,plain,\"multi\nline\nfield\"\n"
        + "\r\n"
        + "3,,\"\"\r\n"
        + "4,\"\",x";

    // Python's csv.reader (newline='') on Tricky without its BOM gives these records, plus an empty record for the
    // blank line, which this reader skips by design.
    private static readonly string[][] TrickyRecords =
    [
        ["1", "Curtain, blue", "He said \"hi\"\r\nsecond line"],
        ["2", "plain", "multi\nline\nfield"],
        ["3", "", ""],
        ["4", "", "x"],
    ];

    // Physical line where each record starts (line 7 is the blank one).
    private static readonly long[] TrickyLines = [2, 4, 8, 9];

    [Fact]
    public void Reads_quoted_multi_line_fields_like_the_python_reference()
    {
        using var csv = new CsvReader(new StringReader(Tricky), "tricky.csv");

        Assert.Equal(["id", "name", "notes"], csv.Header);
        Assert.Equal(TrickyRecords, ReadAll(csv, out var lines));
        Assert.Equal(TrickyLines, lines);
    }

    [Fact]
    public void Gives_the_same_result_when_every_character_arrives_separately()
    {
        using var csv = new CsvReader(new TrickleReader(Tricky), "tricky.csv");

        Assert.Equal(["id", "name", "notes"], csv.Header);
        Assert.Equal(TrickyRecords, ReadAll(csv, out var lines));
        Assert.Equal(TrickyLines, lines);
    }

    [Fact]
    public void Fields_longer_than_the_read_buffer_survive_intact()
    {
        var longText = string.Concat(Enumerable.Repeat("ab\"\"c,\r\n", 30_000));
        var expected = longText.Replace("\"\"", "\"");
        using var csv = new CsvReader(new StringReader($"a,b\n\"{longText}\",end\n"), "long.csv");

        Assert.True(csv.Read());
        Assert.Equal(expected, csv[0]);
        Assert.Equal("end", csv[1]);
        Assert.Equal(2, csv.LineNumber);
        Assert.False(csv.Read());
    }

    [Fact]
    public void Looks_columns_up_by_name_and_exposes_spans()
    {
        using var csv = new CsvReader(new StringReader(Tricky), "tricky.csv");

        var notes = csv.GetColumnIndex("notes");
        Assert.True(csv.Read());

        Assert.Equal(2, notes);
        Assert.Equal(1, csv.RecordNumber);
        Assert.True(csv.GetSpan(notes).StartsWith("He said"));
        Assert.Throws<ArgumentOutOfRangeException>(() => csv.GetSpan(3));
    }

    [Fact]
    public void Reads_files_with_a_utf8_bom_and_another_separator()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pdm-csv-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "nom;prix\r\n\"Café; crème\";2,5\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            using var csv = CsvReader.Open(path, new CsvOptions { Separator = ';' });

            Assert.Equal(["nom", "prix"], csv.Header);
            Assert.True(csv.Read());
            Assert.Equal("Café; crème", csv[0]);
            Assert.Equal("2,5", csv[1]);
            Assert.False(csv.Read());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Without_a_header_the_first_record_sets_the_field_count()
    {
        using var csv = new CsvReader(new StringReader("a,b\nc,d\ne\n"), "bare.csv", new CsvOptions { HasHeader = false });

        Assert.Empty(csv.Header);
        Assert.True(csv.Read());
        Assert.Equal((1L, "a"), (csv.RecordNumber, csv[0]));
        Assert.True(csv.Read());
        var error = Assert.Throws<CsvFormatException>(() => csv.Read());
        Assert.Equal((3L, 3L, 2), (error.LineNumber, error.RecordNumber, error.Column));
        Assert.Throws<InvalidOperationException>(() => csv.GetColumnIndex("a"));
    }

    [Fact]
    public void An_unterminated_quote_names_the_line_where_it_opened()
    {
        using var csv = new CsvReader(new StringReader("id,text\n1,ok\n2,\"never\nclosed\n"), "broken.csv");
        Assert.True(csv.Read());

        var error = Assert.Throws<CsvFormatException>(() => csv.Read());

        Assert.Equal("broken.csv", error.SourceName);
        Assert.Equal(2, error.RecordNumber);
        Assert.Equal(2, error.Column);
        Assert.Equal("text", error.ColumnName);
        Assert.Equal(5, error.LineNumber);
        Assert.StartsWith("broken.csv: line 5, record 2, column 2 (text): the quoted field opened on line 3", error.Message);
    }

    [Fact]
    public void A_stray_quote_inside_an_unquoted_field_is_located()
    {
        using var csv = new CsvReader(new StringReader("id,size\n1,\"ok\"\n2,5\" screen\n"), "stray.csv");
        Assert.True(csv.Read());

        var error = Assert.Throws<CsvFormatException>(() => csv.Read());

        Assert.Equal((3L, 2L, 2, "size"), (error.LineNumber, error.RecordNumber, error.Column, error.ColumnName));
        Assert.Contains("quote appears inside an unquoted field", error.Message);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error()
    {
        using var csv = new CsvReader(new StringReader("a,b\n\"x\"y,z\n"), "after.csv");

        var error = Assert.Throws<CsvFormatException>(() => csv.Read());

        Assert.Equal((2L, 1L, 1), (error.LineNumber, error.RecordNumber, error.Column));
        Assert.Contains("unexpected 'y'", error.Message);
    }

    [Theory]
    [InlineData("a,b,c\n1,2\n", 3, "c", "found 2")]
    [InlineData("a,b,c\n1,2,3,4\n", 4, null, "found 4")]
    public void A_record_with_the_wrong_field_count_is_located(string text, int column, string? columnName, string detail)
    {
        using var csv = new CsvReader(new StringReader(text), "count.csv");

        var error = Assert.Throws<CsvFormatException>(() => csv.Read());

        Assert.Equal((2L, 1L, column, columnName), (error.LineNumber, error.RecordNumber, error.Column, error.ColumnName));
        Assert.Contains("expected 3 fields", error.Message);
        Assert.Contains(detail, error.Message);
    }

    [Fact]
    public void A_missing_column_lists_the_header()
    {
        using var csv = new CsvReader(new StringReader("uniq_id,name\n"), "products.csv");

        var error = Assert.Throws<CsvFormatException>(() => csv.GetColumnIndex("image"));

        Assert.Equal(
            "products.csv: line 1, header record: required column 'image' is missing; the header has: uniq_id, name",
            error.Message);
    }

    [Fact]
    public void A_column_named_twice_is_an_error()
    {
        var error = Assert.Throws<CsvFormatException>(
            () => new CsvReader(new StringReader("a,b,a\n"), "twice.csv"));

        Assert.Equal((0L, 3), (error.RecordNumber, error.Column));
        Assert.Contains("also names column 1", error.Message);
    }

    [Fact]
    public void An_empty_file_has_no_header()
    {
        var error = Assert.Throws<CsvFormatException>(() => new CsvReader(new StringReader("\uFEFF"), "empty.csv"));

        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Callers_can_raise_errors_located_on_the_current_record()
    {
        using var csv = new CsvReader(new StringReader("a,b\n\"1\n\",2\n"), "values.csv");
        Assert.True(csv.Read());

        var error = csv.CreateError(1, "must be positive");

        Assert.Equal("values.csv: line 2, record 1, column 2 (b): must be positive", error.Message);
    }

    private static List<string[]> ReadAll(CsvReader csv, out List<long> lines)
    {
        var records = new List<string[]>();
        lines = [];
        while (csv.Read())
        {
            records.Add(Enumerable.Range(0, csv.FieldCount).Select(column => csv[column]).ToArray());
            lines.Add(csv.LineNumber);
        }

        return records;
    }
}
