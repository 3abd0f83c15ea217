using System.Text;

namespace PlaceDeMarche.Pipeline.Compliance.Scanning;

/// <summary>Shortened, masked forms of sensitive matches: enough to find the spot, not enough to reuse the value.</summary>
public static class Masking
{
    /// <summary>"jane.doe@example.com" → "j***@e***.com".</summary>
    public static string Email(string email)
    {
        var at = email.LastIndexOf('@');
        var domain = email[(at + 1)..];
        var lastDot = domain.LastIndexOf('.');
        return $"{email[0]}***@{domain[0]}***{domain[lastDot..]}";
    }

    /// <summary>Every digit but the last two becomes '*': "+91 98765 43210" → "+** ***** ***10".</summary>
    public static string Digits(string text)
    {
        var digitsLeft = text.Count(char.IsAsciiDigit);
        var masked = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (char.IsAsciiDigit(character))
            {
                masked.Append(digitsLeft-- > 2 ? '*' : character);
            }
            else
            {
                masked.Append(character);
            }
        }

        return masked.ToString();
    }

    /// <summary>Each word keeps its first character: "Mr. Rahul Sharma" → "M*** R*** S***".</summary>
    public static string Words(string text) => string.Join(' ',
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => word.Length == 1 ? word : word[0] + "***"));

    /// <summary>A secret shows its first two characters and its length only: "0f…(32 chars)".</summary>
    public static string Secret(string secret) => $"{secret[..Math.Min(2, secret.Length)]}…({secret.Length} chars)";
}
