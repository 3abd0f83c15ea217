using System.Text.RegularExpressions;
using PlaceDeMarche.Pipeline.Compliance.Scanning;

namespace PlaceDeMarche.Pipeline.Compliance.Pii;

/// <summary>
/// Finds personal data in free text (RGPD check before publishing collected or scraped text). Tuned for product
/// descriptions, where prices ("Rs. 1,299"), sizes ("45 cm x 30 cm"), barcodes and model numbers are common and must
/// not be flagged:
/// <list type="bullet">
/// <item>e-mail addresses;</item>
/// <item>phones: international "+CC …" with 8 to 15 digits, French "0X XX XX XX XX", and Indian numbers — a bare
/// 10-digit mobile (6-9…) or an STD landline only with a "0"/"91" prefix or a phone word ("call", "tel", "mobile",
/// "contact", "whatsapp"…) just before, because a bare 10-digit number is more often an id than a phone;</item>
/// <item>postal addresses: Indian PIN codes after "PIN"/"Pincode" or "City - 400001", house number + street type
/// ("12 MG Road", "221B Baker Street"), French "12 rue de la Paix";</item>
/// <item>person names after an honorific (Mr, Mrs, Ms, Dr, Shri, Smt, Mme…) followed by capitalised words.</item>
/// </list>
/// Overlapping matches are reported once, by the first kind in that order.
/// </summary>
public sealed partial class PiiScanner
{
    private static readonly (PiiKind Kind, Regex Pattern, Func<Match, string, bool> Accept, Func<string, string> Mask)[] Rules =
    [
        (PiiKind.Email, EmailPattern(), (_, _) => true, Masking.Email),
        (PiiKind.Phone, InternationalPhonePattern(), (match, _) => DigitCount(match.Value) is >= 8 and <= 15, Masking.Digits),
        (PiiKind.Phone, FrenchPhonePattern(), (_, _) => true, Masking.Digits),
        (PiiKind.Phone, IndianPhonePattern(), AcceptIndianPhone, Masking.Digits),
        (PiiKind.PostalAddress, PinCodePattern(), (_, _) => true, Masking.Digits),
        (PiiKind.PostalAddress, StreetPattern(), (_, _) => true, Masking.Words),
        (PiiKind.PostalAddress, FrenchStreetPattern(), (_, _) => true, Masking.Words),
        (PiiKind.PersonName, HonorificNamePattern(), (_, _) => true, Masking.Words),
    ];

    public IReadOnlyList<PiiFinding> ScanText(string rowId, string field, string text)
    {
        var findings = new List<PiiFinding>();
        var claimed = new ClaimedSpans();
        foreach (var (kind, pattern, accept, mask) in Rules)
        {
            foreach (Match match in pattern.Matches(text))
            {
                if (accept(match, text) && claimed.TryClaim(match.Index, match.Length))
                {
                    findings.Add(new PiiFinding(rowId, field, kind, mask(match.Value), match.Index));
                }
            }
        }

        findings.Sort((left, right) => left.Offset.CompareTo(right.Offset));
        return findings;
    }

    public PiiReport Scan(IEnumerable<ScannedText> texts)
    {
        var findings = texts.SelectMany(text => ScanText(text.RowId, text.Field, text.Text)).ToList();
        var counts = Enum.GetValues<PiiKind>().ToDictionary(kind => kind, kind => findings.Count(finding => finding.Kind == kind));
        return new PiiReport(findings, counts);
    }

    private static int DigitCount(string text) => text.Count(char.IsAsciiDigit);

    private static bool AcceptIndianPhone(Match match, string text)
    {
        if (match.Groups["prefix"].Success)
        {
            return true;
        }

        var before = text[Math.Max(0, match.Index - 30)..match.Index];
        return PhoneWordPattern().IsMatch(before);
    }

    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\w+])\+\d{1,3}(?:[ .\-]?\(?\d{1,5}\)?){2,6}(?![\d\w])")]
    private static partial Regex InternationalPhonePattern();

    [GeneratedRegex(@"(?<![\w.,])0[1-9](?<separator>[ .\-]?)\d{2}(?:\k<separator>\d{2}){3}(?![\d\w]|[.,]\d)")]
    private static partial Regex FrenchPhonePattern();

    [GeneratedRegex(@"(?<![\w.,+])(?:(?<prefix>0|91[ \-]?)?[6-9]\d{4}[ \-]?\d{5}|(?<prefix>0)\d{2,4}[ \-]\d{6,8})(?![\d\w]|[.,]\d)")]
    private static partial Regex IndianPhonePattern();

    [GeneratedRegex(@"(?i)\b(?:phone|ph|tel|tél|téléphone|mob|mobile|call|contact|whatsapp|helpline|fax|portable)\b[\s.:#-]*(?:no\.?|number)?[\s.:#-]*$")]
    private static partial Regex PhoneWordPattern();

    [GeneratedRegex(@"(?i:\b(?:pin\s*code|pincode|pin|postal\s+code)\b\s*[:\-]?\s*)[1-9]\d{2}\s?\d{3}(?!\d)|\b[A-Z][a-z]+\s*[-–]\s*[1-9]\d{5}(?!\d)")]
    private static partial Regex PinCodePattern();

    [GeneratedRegex(@"\b\d{1,5}[A-Z]?,?\s+(?:[A-Z][\w.'-]*\s+){1,4}(?:Street|St\.|Road|Rd\.?|Lane|Avenue|Ave\.|Marg|Nagar|Colony)(?![\w])")]
    private static partial Regex StreetPattern();

    [GeneratedRegex(@"\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|chemin|impasse|place|allée|quai|route)\s+(?:(?:de|du|des|la|le|d'|l')\s*)*[A-ZÀ-Ý][\w'-]+")]
    private static partial Regex FrenchStreetPattern();

    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Shri|Smt|Sri|Mme|Mlle|Monsieur|Madame)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\b")]
    private static partial Regex HonorificNamePattern();
}
