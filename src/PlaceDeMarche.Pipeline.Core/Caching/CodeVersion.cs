using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace PlaceDeMarche.Pipeline.Core.Caching;

/// <summary>
/// A stage's code version: a hash of the code the stage can reach. Starting from the stage's type, every own type
/// named by its IL, signatures, fields or attributes (lambda and state-machine classes, helpers, generic arguments,
/// base types) joins the closure, and each is hashed by its definition (<see cref="OwnTypeReader"/>); packages count
/// by assembly version, the shared framework not at all. Editing the t-SNE therefore reruns what projects with
/// t-SNE, not the embedding trainers that share its assembly. Where a type cannot be fully described (a token that
/// does not resolve, constant data that cannot be read), its whole assembly counts, so the version is never narrower
/// than the code.
/// </summary>
public static class CodeVersion
{
    private const string OwnAssemblyPrefix = "PlaceDeMarche.";

    private static readonly string RuntimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
    private static readonly ConcurrentDictionary<Type, OwnTypeCode> TypeCodes = new();
    private static readonly ConcurrentDictionary<Type, string> Versions = new();
    private static readonly ConcurrentDictionary<Assembly, string> AssemblyNames = new();
    private static readonly ConcurrentDictionary<Assembly, string> AssemblyAttributeHashes = new();
    private static readonly ConcurrentDictionary<Assembly, string> ResourceHashes = new();

    /// <summary>Computed once per type and process: every run asks for each of the ~50 stages.</summary>
    public static string Of(Type stageType) => Versions.GetOrAdd(stageType, type => ContentHash.OfText(Describe(type))[..16]);

    /// <summary>The own types the version of <paramref name="stageType"/> is computed from, by label (ordinal order).</summary>
    public static IReadOnlyList<string> Closure(Type stageType) =>
        [.. Reach(stageType).Types.Select(Label).Order(StringComparer.Ordinal)];

    /// <summary>
    /// What the version is computed from, one "name=value" line each, sorted: own types by the hash of their
    /// definition, own assemblies by their assembly-level attributes (and embedded resources when the closure reads
    /// resources), assemblies that count whole by module version id with the reason, and packages by version.
    /// </summary>
    public static string Describe(Type stageType)
    {
        var reach = Reach(stageType);
        var lines = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in reach.Types)
        {
            lines[Label(type)] = TypeCodes[type].Hash[..16];
        }

        foreach (var assembly in reach.Types.Select(t => t.Assembly).Distinct())
        {
            lines[$"{NameOf(assembly)} (assembly attributes)"] = AssemblyAttributeHashes.GetOrAdd(assembly, HashAssemblyAttributes);
            if (reach.ReadsResources && assembly.GetManifestResourceNames().Length > 0)
            {
                lines[$"{NameOf(assembly)} (embedded resources)"] = ResourceHashes.GetOrAdd(assembly, HashResources);
            }
        }

        foreach (var (assembly, reason) in reach.WholeAssemblies)
        {
            lines[$"{NameOf(assembly)} (whole assembly: {reason})"] = assembly.ManifestModule.ModuleVersionId.ToString("N");
        }

        var packages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var package in reach.Packages)
        {
            VisitPackage(package, packages);
        }

        foreach (var (name, version) in packages)
        {
            lines[name] = version;
        }

        var description = new StringBuilder();
        foreach (var (name, value) in lines)
        {
            description.Append(name).Append('=').Append(value).Append('\n');
        }

        return description.ToString();
    }

    internal static bool IsOwn(Assembly assembly) => NameOf(assembly).StartsWith(OwnAssemblyPrefix, StringComparison.Ordinal);

    /// <summary>Shared-framework assemblies change only with the runtime, which the run summary records separately.</summary>
    internal static bool IsFramework(Assembly assembly) =>
        assembly.Location.Length > 0
        && assembly.Location.StartsWith(RuntimeDirectory, StringComparison.Ordinal);

    /// <summary>A type definition's label: full name and assembly, as in an assembly-qualified name.</summary>
    internal static string Label(Type type) => $"{type.FullName ?? type.Name}, {NameOf(type.Assembly)}";

    private static string NameOf(Assembly assembly) => AssemblyNames.GetOrAdd(assembly, a => a.GetName().Name ?? a.FullName ?? "?");

    private static ReachableCode Reach(Type stageType)
    {
        var reach = new ReachableCode();
        var start = stageType.IsConstructedGenericType ? stageType.GetGenericTypeDefinition() : stageType;
        if (!IsOwn(start.Assembly))
        {
            if (!IsFramework(start.Assembly))
            {
                reach.Packages.Add(start.Assembly);
            }

            return reach;
        }

        // Breadth first, each level's types read on all cores (the first run reads some thousand types).
        var level = new List<Type> { start };
        reach.Types.Add(start);
        while (level.Count > 0)
        {
            var codes = new OwnTypeCode[level.Count];
            Parallel.For(0, level.Count, i => codes[i] = TypeCodes.GetOrAdd(level[i], OwnTypeReader.Read));
            var next = new List<Type>();
            foreach (var code in codes)
            {
                reach.Packages.UnionWith(code.Packages);
                reach.ReadsResources |= code.ReadsResources;
                foreach (var (assembly, reason) in code.WholeAssemblies)
                {
                    reach.WholeAssemblies.TryAdd(assembly, reason);
                }

                next.AddRange(code.OwnTypes.Where(reach.Types.Add));
            }

            level = next;
        }

        return reach;
    }

    /// <summary>A package and, as a package's behaviour depends on them, the packages it references.</summary>
    private static void VisitPackage(Assembly assembly, SortedDictionary<string, string> seen)
    {
        var name = NameOf(assembly);
        if (IsFramework(assembly) || IsOwn(assembly) || !seen.TryAdd(name, assembly.GetName().Version?.ToString() ?? "?"))
        {
            return;
        }

        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            Assembly referenced;
            try
            {
                referenced = Assembly.Load(reference);
            }
            catch (FileNotFoundException)
            {
                // An optional dependency the package does not ship (ML.NET's FastTree names Microsoft.ML.OneDal, loaded
                // only when OneDAL acceleration is switched on): its identity is still part of the version.
                if (reference.Name is { } missing)
                {
                    seen.TryAdd(missing, $"{reference.Version?.ToString() ?? "?"} (not deployed)");
                }

                continue;
            }

            VisitPackage(referenced, seen);
        }
    }

    /// <summary>Assembly-level attributes (version, informational version) that code may read at run time.</summary>
    private static string HashAssemblyAttributes(Assembly assembly) =>
        ContentHash.OfText(string.Join('\n', assembly.CustomAttributes.Select(a => a.ToString())))[..16];

    /// <summary>Embedded resources are data outside IL (stop words, tables): counted whole for closures that read any.</summary>
    private static string HashResources(Assembly assembly)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            using var stream = assembly.GetManifestResourceStream(name);
            if (stream is not null)
            {
                hash.AppendData(SHA256.HashData(stream));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
