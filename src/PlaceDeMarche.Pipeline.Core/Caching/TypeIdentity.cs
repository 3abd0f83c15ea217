using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace PlaceDeMarche.Pipeline.Core.Caching;

/// <summary>
/// How a type reference is written into a code version (generic parameters by position, constructed types with
/// their arguments), with the own type definitions and the packages it names. Computed once per type.
/// </summary>
internal sealed record TypeIdentity(string Name, IReadOnlyList<Type> OwnTypes, IReadOnlyList<Assembly> Packages)
{
    /// <summary>The compiler's per-assembly helper class (constant array data, string-switch hashing): what it holds
    /// is hashed where it is used, since the class as a whole mixes the constants of every type.</summary>
    private const string CompilerHelpers = "<PrivateImplementationDetails>";

    private static readonly ConcurrentDictionary<Type, TypeIdentity> Known = new();

    public static TypeIdentity Of(Type type) => Known.GetOrAdd(type, static t =>
    {
        var ownTypes = new List<Type>();
        var packages = new List<Assembly>();
        var name = Compose(t, ownTypes, packages);
        return new TypeIdentity(name, [.. ownTypes.Distinct()], [.. packages.Distinct()]);
    });

    /// <summary>Whether the type is, or is nested in, the compiler's helper class.</summary>
    public static bool IsCompilerHelper(Type? type)
    {
        while (type?.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type is not null && type.Name.StartsWith(CompilerHelpers, StringComparison.Ordinal);
    }

    private static string Compose(Type type, List<Type> ownTypes, List<Assembly> packages)
    {
        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "!" : "!!") + type.GenericParameterPosition.ToString(CultureInfo.InvariantCulture);
        }

        if (type.HasElementType)
        {
            var element = Compose(type.GetElementType()!, ownTypes, packages);
            return type.IsSZArray ? element + "[]"
                : type.IsArray ? $"{element}[{new string(',', type.GetArrayRank() - 1)}]"
                : type.IsByRef ? element + "&"
                : type.IsPointer ? element + "*"
                : element + "?";
        }

        if (type.IsConstructedGenericType)
        {
            var arguments = type.GenericTypeArguments.Select(a => Compose(a, ownTypes, packages));
            return $"{Compose(type.GetGenericTypeDefinition(), ownTypes, packages)}<{string.Join(',', arguments)}>";
        }

        if (type.IsFunctionPointer)
        {
            var parameters = type.GetFunctionPointerParameterTypes().Select(p => Compose(p, ownTypes, packages));
            return $"fnptr {Compose(type.GetFunctionPointerReturnType(), ownTypes, packages)}({string.Join(',', parameters)})";
        }

        if (CodeVersion.IsOwn(type.Assembly))
        {
            if (!IsCompilerHelper(type))
            {
                ownTypes.Add(type);
            }
        }
        else if (!CodeVersion.IsFramework(type.Assembly))
        {
            packages.Add(type.Assembly);
        }

        return CodeVersion.Label(type);
    }
}
