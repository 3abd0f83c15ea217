using System.Collections;
using System.Reflection;
using PlaceDeMarche.Pipeline.Compliance.Secrets;
using PlaceDeMarche.Pipeline.Report.Document;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// Last guard before publication: every piece of text in a report document (headings, paragraphs, table cells,
/// captions, chart labels) goes through the <see cref="SecretScanner"/>, and a document holding a likely secret is
/// refused. The document model is walked by reflection so that a new block type is covered without change here.
/// </summary>
public static class ReportSecretAudit
{
    private static readonly string DocumentNamespace = typeof(ReportDocument).Namespace!;

    /// <summary>Throws when the document text holds a likely secret; the message shows it masked only.</summary>
    /// <param name="identifiers">Row identifiers printed in tables and sentences: Flipkart ids are 32-hex content
    /// hashes, the shape of an API key, but known data, so they are not findings wherever they appear.</param>
    public static void EnsureClean(ReportDocument document, IReadOnlySet<string> identifiers)
    {
        var texts = new List<string>();
        Collect(document, texts);
        var scanner = new SecretScanner(identifiers);
        var findings = texts.SelectMany(text => scanner.ScanText("report", "text", text)).ToArray();
        if (findings.Length > 0)
        {
            throw new InvalidDataException(
                $"The report text holds {findings.Length} likely secret(s) ({string.Join(", ", findings.Select(f => $"{f.Kind} {f.Masked}"))}); "
                + "the report is not written. Remove the value from its source (configuration, data, log message), revoke it if it is a key, and rerun.");
        }
    }

    private static void Collect(object? value, List<string> texts)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                texts.Add(text);
                return;
            case Array array when array.GetType().GetElementType()!.IsPrimitive:
                return; // pixels and plotted numbers
            case IEnumerable items:
                foreach (var item in items)
                {
                    Collect(item, texts);
                }

                return;
        }

        var type = value.GetType();
        var isKeyValue = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>);
        if (type.Namespace != DocumentNamespace && !isKeyValue)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.PropertyType != typeof(ReadOnlyMemory<byte>))
            {
                Collect(property.GetValue(value), texts);
            }
        }
    }
}
