using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace PlaceDeMarche.Pipeline.Report.Fonts;

/// <summary>
/// Serves the DejaVu Sans fonts embedded in this assembly to PDFsharp. Every family name resolves to DejaVu Sans,
/// so PDFsharp's own fallbacks never reach for system fonts; italic is simulated by slanting.
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    /// <summary>The family name to use in <c>XFont</c>.</summary>
    public const string FamilyName = "DejaVu Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private readonly ConcurrentDictionary<string, byte[]> faces = new(StringComparer.Ordinal);

    /// <summary>The single instance; PDFsharp requires the same resolver object for the whole process.</summary>
    public static EmbeddedFontResolver Instance { get; } = new();

    private EmbeddedFontResolver() { }

    /// <inheritdoc />
    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: isItalic);

    /// <inheritdoc />
    public byte[] GetFont(string faceName) => faces.GetOrAdd(faceName, LoadFace);

    private static byte[] LoadFace(string faceName)
    {
        var resourceName = $"{typeof(EmbeddedFontResolver).Namespace}.{faceName}.ttf";
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException(
                $"Font resource '{resourceName}' is missing from {typeof(EmbeddedFontResolver).Assembly.GetName().Name}; " +
                "check the EmbeddedResource items of the Report project.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
