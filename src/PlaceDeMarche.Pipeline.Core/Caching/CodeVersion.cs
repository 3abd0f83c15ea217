using System.Reflection;
using System.Text;

namespace PlaceDeMarche.Pipeline.Core.Caching;

/// <summary>
/// A stage's code version: the module version ids of the project's own assemblies it depends on (deterministic
/// builds make these a function of the source) and the identities of the third-party packages in that closure.
/// Editing text-processing code therefore reruns the stages built on it, and nothing else.
/// </summary>
public static class CodeVersion
{
    private const string OwnAssemblyPrefix = "PlaceDeMarche.";

    public static string Of(Type stageType) => ContentHash.OfText(Describe(stageType))[..16];

    /// <summary>
    /// What the version is computed from, one "assembly=version" line per assembly of the closure, sorted: own
    /// assemblies by module version id, packages by assembly version, shared-framework assemblies left out.
    /// </summary>
    public static string Describe(Type stageType)
    {
        var seen = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Visit(stageType.Assembly, seen);
        var description = new StringBuilder();
        foreach (var (name, version) in seen)
        {
            description.Append(name).Append('=').Append(version).Append('\n');
        }

        return description.ToString();
    }

    private static void Visit(Assembly assembly, SortedDictionary<string, string> seen)
    {
        var name = assembly.GetName();
        if (name.Name is null || IsFramework(assembly) || seen.ContainsKey(name.Name))
        {
            return;
        }

        seen[name.Name] = name.Name.StartsWith(OwnAssemblyPrefix, StringComparison.Ordinal)
            ? assembly.ManifestModule.ModuleVersionId.ToString("N")
            : name.Version?.ToString() ?? "?";
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            Visit(Assembly.Load(reference), seen);
        }
    }

    /// <summary>Shared-framework assemblies change only with the runtime, which the run summary records separately.</summary>
    private static bool IsFramework(Assembly assembly) =>
        assembly.Location.Length > 0
        && assembly.Location.StartsWith(RuntimeDirectory, StringComparison.Ordinal);

    private static readonly string RuntimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
}
