namespace PlaceDeMarche.Pipeline.Parquet.Writing;

/// <summary>Writes to a stream while tracking the file offset, so non-seekable streams work too.</summary>
internal sealed class PositionedOutput(Stream stream)
{
    /// <summary>Bytes written so far (the offset of the next byte in the file).</summary>
    public long Position { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        Position += bytes.Length;
    }
}
