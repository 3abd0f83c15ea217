namespace PlaceDeMarche.Pipeline.Dataset.Tests.Csv;

/// <summary>Hands out one character per Read call, so every token straddles a buffer boundary.</summary>
internal sealed class TrickleReader(string text) : TextReader
{
    private int _position;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (_position == text.Length || buffer.IsEmpty)
        {
            return 0;
        }

        buffer[0] = text[_position++];
        return 1;
    }
}
