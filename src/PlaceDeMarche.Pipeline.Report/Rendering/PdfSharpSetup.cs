using PdfSharp.Fonts;
using PlaceDeMarche.Pipeline.Report.Fonts;

namespace PlaceDeMarche.Pipeline.Report.Rendering;

/// <summary>One-time, process-wide PDFsharp configuration: the embedded font resolver.</summary>
internal static class PdfSharpSetup
{
    private static readonly Lock Gate = new();
    private static bool initialized;

    public static void EnsureInitialized()
    {
        lock (Gate)
        {
            if (initialized)
            {
                return;
            }

            var current = GlobalFontSettings.FontResolver;
            if (current is null)
            {
                GlobalFontSettings.FontResolver = EmbeddedFontResolver.Instance;
            }
            else if (!ReferenceEquals(current, EmbeddedFontResolver.Instance))
            {
                throw new InvalidOperationException(
                    $"Another PDFsharp font resolver ({current.GetType().FullName}) is installed in this process; " +
                    $"the report needs {nameof(EmbeddedFontResolver)}.{nameof(EmbeddedFontResolver.Instance)} " +
                    "so that its output does not depend on system fonts.");
            }

            initialized = true;
        }
    }
}
