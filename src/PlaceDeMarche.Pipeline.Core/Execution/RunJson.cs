using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlaceDeMarche.Pipeline.Core.Execution;

/// <summary>JSON conventions for the machine-readable run files: camelCase, enums as kebab-case words.</summary>
internal static class RunJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
