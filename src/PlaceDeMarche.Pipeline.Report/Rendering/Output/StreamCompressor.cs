using System.IO.Compression;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Output;

/// <summary>
/// Does the Flate compression that PDFsharp would do. PDFsharp (6.2.4, as 6.5) ends its Flate streams without the final
/// deflate block, which strict readers (qpdf, SharpZipLib) report as damaged; .NET's ZLibStream writes complete
/// zlib streams. The PDF, saved by PDFsharp with compression off, is reopened; its plain streams are compressed
/// here (if asked) and the images, which PDFsharp compresses regardless, re-compressed; then it is saved again
/// without further compression.
/// </summary>
internal static class StreamCompressor
{
    /// <summary>Streams shorter than this stay uncompressed: compression would not pay for the filter entry.</summary>
    private const int MinimumLength = 64;

    /// <param name="uncompressedPdf">The PDF as PDFsharp saved it with compression turned off.</param>
    /// <param name="output">Receives the rewritten PDF.</param>
    /// <param name="compressPlainStreams">Compress the streams that have no filter (page contents, fonts).</param>
    /// <param name="restoreMetadata">Sets the document info and identifier again (PDFsharp renews them on save).</param>
    public static void Rewrite(Stream uncompressedPdf, Stream output, bool compressPlainStreams, Action<PdfDocument> restoreMetadata)
    {
        using var pdf = PdfReader.Open(uncompressedPdf, PdfDocumentOpenMode.Modify);
        pdf.Options.NoCompression = true;
        pdf.Options.CompressContentStreams = false;
        restoreMetadata(pdf);
        DropXmp(pdf);
        foreach (var item in pdf.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary { Stream: { } stream } dictionary || stream.Length < MinimumLength)
            {
                continue;
            }

            var filter = dictionary.Elements[PdfDictionary.PdfStream.Keys.Filter];
            if (filter is null && compressPlainStreams)
            {
                stream.Value = Deflate(stream.Value);
                dictionary.Elements.SetName(PdfDictionary.PdfStream.Keys.Filter, "/FlateDecode");
            }
            else if (filter is PdfName { Value: "/FlateDecode" } && !dictionary.Elements.ContainsKey(PdfDictionary.PdfStream.Keys.DecodeParms))
            {
                stream.Value = Deflate(stream.UnfilteredValue);
            }
        }

        pdf.Save(output, closeStream: false);
    }

    /// <summary>PDFsharp writes a fresh XMP packet on every save; the one from the first save would be left
    /// behind as an unused object.</summary>
    private static void DropXmp(PdfDocument pdf)
    {
        if (pdf.Internals.Catalog.Elements.GetDictionary("/Metadata") is { } xmp)
        {
            pdf.Internals.Catalog.Elements.Remove("/Metadata");
            pdf.Internals.RemoveObject(xmp);
        }
    }

    private static byte[] Deflate(byte[] data)
    {
        using var buffer = new MemoryStream(data.Length / 2 + 64);
        using (var zlib = new ZLibStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return buffer.ToArray();
    }
}
