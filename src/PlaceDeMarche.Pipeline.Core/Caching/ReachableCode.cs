using System.Reflection;

namespace PlaceDeMarche.Pipeline.Core.Caching;

/// <summary>What <see cref="CodeVersion"/> found reachable from a stage type.</summary>
internal sealed class ReachableCode
{
    public HashSet<Type> Types { get; } = [];

    public HashSet<Assembly> Packages { get; } = [];

    public Dictionary<Assembly, string> WholeAssemblies { get; } = [];

    public bool ReadsResources { get; set; }
}
