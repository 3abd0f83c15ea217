using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlaceDeMarche.Pipeline.Core.Caching;

/// <summary>
/// Written after a stage's outputs are complete (and deleted before it reruns): its presence with a matching
/// fingerprint and intact outputs is what makes a stage up to date.
/// </summary>
public sealed record StageManifest(
    string Stage,
    string Fingerprint,
    string CodeVersion,
    JsonNode? Parameters,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyList<OutputRecord> Outputs,
    IReadOnlyDictionary<string, JsonNode?> Metrics,
    double Seconds,
    DateTimeOffset CompletedAtUtc)
{
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static StageManifest? TryLoad(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StageManifest>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException)
        {
            // A damaged manifest only means the stage must run again.
            return null;
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public OutputRecord Output(string path) =>
        Outputs.FirstOrDefault(o => o.Path == path)
        ?? throw new InvalidOperationException($"Stage {Stage} has no output '{path}' in its manifest.");
}
