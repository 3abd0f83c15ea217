using System.Text.Json;

namespace PlaceDeMarche.Pipeline.Collection.Sources;

/// <summary>Lenient field reads: APIs omit fields, send null, or send numbers where strings are documented.</summary>
internal static class JsonFields
{
    public static string String(JsonElement item, string property) =>
        !item.TryGetProperty(property, out var value) ? ""
        : value.ValueKind == JsonValueKind.String ? value.GetString() ?? ""
        : value.ValueKind == JsonValueKind.Number ? value.GetRawText()
        : "";

    public static Uri? AbsoluteUri(JsonElement item, string property) =>
        Uri.TryCreate(String(item, property), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}
