using System.Text.RegularExpressions;

namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>
/// Removes credentials from anything that may be logged, thrown or used as a cache key: the known secret values
/// wherever they appear, and the value of any credential-named query parameter.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "***";

    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string> secrets) =>
        _secrets = secrets.Where(secret => !string.IsNullOrEmpty(secret)).Distinct(StringComparer.Ordinal).ToArray();

    public static SecretRedactor None { get; } = new([]);

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
            text = text.Replace(Uri.EscapeDataString(secret), Mask, StringComparison.Ordinal);
        }

        return CredentialParameter().Replace(text, "${name}=" + Mask);
    }

    public string Redact(Uri url) => Redact(url.AbsoluteUri);

    [GeneratedRegex(@"(?<name>\b(?:app_id|app_key|api_key|apikey|key|token|access_token|password))=[^&\s#""']*", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialParameter();
}
