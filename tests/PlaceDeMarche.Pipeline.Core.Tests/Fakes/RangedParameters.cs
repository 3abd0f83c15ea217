using System.ComponentModel.DataAnnotations;

namespace PlaceDeMarche.Pipeline.Core.Tests.Fakes;

/// <summary>Parameters with allowed ranges and values, as the real stages declare them.</summary>
public sealed class RangedParameters
{
    [Range(1, 1000)]
    public int Seeds { get; set; }

    [AllowedValues("pca", "random")]
    public string Init { get; set; } = "";

    /// <summary>Entries named in the file, each checked as its value type.</summary>
    public Dictionary<string, FakeParameters>? Named { get; set; }
}
