using System.Reflection;

namespace PlaceDeMarche.Pipeline.Core.Caching;

/// <summary>
/// What one of our own types contributes to a code version: the hash of its definition (member signatures, IL with
/// tokens replaced by what they name, constants, attributes), the own types and the packages it names, the
/// assemblies that must count whole because part of the type could not be described (with why), and whether its
/// code reads embedded resources, which are data outside IL.
/// </summary>
internal sealed record OwnTypeCode(
    string Hash,
    IReadOnlySet<Type> OwnTypes,
    IReadOnlySet<Assembly> Packages,
    IReadOnlyDictionary<Assembly, string> WholeAssemblies,
    bool ReadsResources);
