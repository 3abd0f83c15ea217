using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Reflection;
using System.Reflection.Emit;
using System.Resources;
using System.Security.Cryptography;
using System.Text;

namespace PlaceDeMarche.Pipeline.Core.Caching;

/// <summary>
/// Reads the definition of one of our own types for <see cref="CodeVersion"/>: every member's signature, attributes
/// and constants, and every method body's IL with each metadata token replaced by the identity of what it names
/// (raw tokens shift when unrelated code of the assembly changes), string literals and constant array data included.
/// </summary>
internal sealed class OwnTypeReader
{
    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    /// <summary>What each token means, shared by every reader: the same call or field is named by many methods. The
    /// key holds the generic context the token was resolved in.</summary>
    private static readonly ConcurrentDictionary<(Module Module, int Token, MemberInfo? Context), OwnTypeCode> TokenMeanings = new();

    /// <summary>Compiler helper methods being hashed inline on this thread (a helper that calls itself stops there).</summary>
    [ThreadStatic]
    private static HashSet<MethodBase>? inlining;

    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly HashSet<Type> ownTypes = [];
    private readonly HashSet<Assembly> packages = [];
    private readonly Dictionary<Assembly, string> wholeAssemblies = [];
    private bool readsResources;

    private OwnTypeReader()
    {
    }

    public static OwnTypeCode Read(Type type)
    {
        var reader = new OwnTypeReader();
        using (reader.hash)
        {
            try
            {
                reader.Definition(type);
            }
            catch (Exception e) when (IsUnresolvable(e))
            {
                reader.WholeAssembly(type.Assembly, $"{type.FullName} cannot be read ({e.GetType().Name})");
            }

            return reader.Result();
        }
    }

    private OwnTypeCode Result() =>
        new(Convert.ToHexStringLower(hash.GetHashAndReset()), ownTypes, packages, wholeAssemblies, readsResources);

    /// <summary>Failures of reflection over metadata (a token or type that does not resolve, a missing dependency).</summary>
    private static bool IsUnresolvable(Exception e) =>
        e is ArgumentException or BadImageFormatException or TypeLoadException or MissingMemberException or IOException
            or NotSupportedException or InvalidOperationException;

    private void Definition(Type type)
    {
        Add("type", Name(type), type.Attributes.ToString());
        Add("base", type.BaseType is { } baseType ? Name(baseType) : "-");
        foreach (var implemented in type.GetInterfaces().Select(Name).Order(StringComparer.Ordinal))
        {
            Add("implements", implemented);
        }

        if (type.IsGenericTypeDefinition)
        {
            foreach (var parameter in type.GetGenericArguments())
            {
                GenericParameter(parameter);
            }
        }

        Attributes(type.CustomAttributes);
        // Declaration order (metadata order within the type, which unrelated types do not move).
        foreach (var field in type.GetFields(Declared).OrderBy(f => f.MetadataToken))
        {
            Field(field);
        }

        foreach (var method in type.GetConstructors(Declared).Concat<MethodBase>(type.GetMethods(Declared)).OrderBy(m => m.MetadataToken))
        {
            Method(method);
        }

        foreach (var property in type.GetProperties(Declared).OrderBy(p => p.MetadataToken))
        {
            Add("property", property.Name, Name(property.PropertyType), property.Attributes.ToString());
            foreach (var index in property.GetIndexParameters())
            {
                Add("index", Name(index.ParameterType));
            }

            Attributes(property.CustomAttributes);
        }

        foreach (var declaredEvent in type.GetEvents(Declared).OrderBy(e => e.MetadataToken))
        {
            Add("event", declaredEvent.Name, declaredEvent.EventHandlerType is { } handler ? Name(handler) : "-");
            Attributes(declaredEvent.CustomAttributes);
        }

        foreach (var nested in type.GetNestedTypes(Declared).OrderBy(n => n.MetadataToken))
        {
            Add("nested", Name(nested));
        }
    }

    private void GenericParameter(Type parameter)
    {
        Add("generic", parameter.Name, parameter.GenericParameterAttributes.ToString());
        foreach (var constraint in parameter.GetGenericParameterConstraints())
        {
            Add("constraint", Name(constraint));
        }

        Attributes(parameter.CustomAttributes);
    }

    private void Field(FieldInfo field)
    {
        Add("field", field.Name, Name(field.FieldType), field.Attributes.ToString());
        if (field.IsLiteral)
        {
            Add("=", Constant(field.GetRawConstantValue()));
        }

        if (field.Attributes.HasFlag(FieldAttributes.HasFieldRVA))
        {
            StaticData(field);
        }

        Attributes(field.CustomAttributes);
    }

    private void Method(MethodBase method)
    {
        Add("method", method.Name, method.Attributes.ToString(), method.MethodImplementationFlags.ToString(), method.CallingConvention.ToString());
        if (method is MethodInfo withResult)
        {
            Add("returns", Name(withResult.ReturnType));
            Attributes(withResult.ReturnParameter.CustomAttributes);
        }

        if (method.IsGenericMethodDefinition)
        {
            foreach (var parameter in method.GetGenericArguments())
            {
                GenericParameter(parameter);
            }
        }

        foreach (var parameter in method.GetParameters())
        {
            Add("parameter", Name(parameter.ParameterType), parameter.Name ?? "-", parameter.Attributes.ToString());
            if (parameter.HasDefaultValue)
            {
                Add("default", Constant(parameter.RawDefaultValue));
            }

            Attributes(parameter.CustomAttributes);
        }

        Attributes(method.CustomAttributes);
        Body(method);
    }

    private void Body(MethodBase method)
    {
        if (method.GetMethodBody() is not { } body)
        {
            Add("no body");
            return;
        }

        Add("body", body.InitLocals ? "init" : "noinit", body.MaxStackSize.ToString(CultureInfo.InvariantCulture));
        foreach (var local in body.LocalVariables)
        {
            Add("local", Name(local.LocalType), local.IsPinned ? "pinned" : "-");
        }

        foreach (var clause in body.ExceptionHandlingClauses)
        {
            Add("clause", clause.Flags.ToString(), Numbers(clause.TryOffset, clause.TryLength, clause.HandlerOffset, clause.HandlerLength));
            if (clause.Flags == ExceptionHandlingClauseOptions.Clause)
            {
                Add("catch", clause.CatchType is { } caught ? Name(caught) : "-");
            }
            else if (clause.Flags == ExceptionHandlingClauseOptions.Filter)
            {
                Add("filter", Numbers(clause.FilterOffset));
            }
        }

        Instructions(method, body.GetILAsByteArray() ?? []);
    }

    private void Instructions(MethodBase method, byte[] il)
    {
        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        MemberInfo? context = methodArguments is not null ? method : typeArguments is not null ? method.DeclaringType : null;
        Span<byte> opcode = stackalloc byte[sizeof(short)];
        var offset = 0;
        while (offset < il.Length)
        {
            if (ILOpCodeTable.Read(il, ref offset) is not { } code)
            {
                WholeAssembly(module.Assembly, $"{Where(method)} has an unknown opcode");
                return;
            }

            BinaryPrimitives.WriteInt16LittleEndian(opcode, code.Value);
            hash.AppendData(opcode);
            switch (code.OperandType)
            {
                case OperandType.InlineSwitch:
                    var size = sizeof(int) * (1 + BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(offset)));
                    hash.AppendData(il, offset, size);
                    offset += size;
                    break;
                case OperandType.InlineString or OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType
                    or OperandType.InlineTok or OperandType.InlineSig:
                    var token = BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(offset));
                    Merge(TokenMeanings.GetOrAdd(
                        (module, token, context),
                        static (_, state) => Meaning(state.method, state.Operand, state.token, state.typeArguments, state.methodArguments),
                        (method, Operand: code.OperandType, token, typeArguments, methodArguments)));
                    offset += sizeof(int);
                    break;
                default:
                    var immediate = ILOpCodeTable.ImmediateSize(code.OperandType);
                    hash.AppendData(il, offset, immediate);
                    offset += immediate;
                    break;
            }
        }
    }

    /// <summary>What one token of <paramref name="method"/>'s IL stands for, as a hash and the references it makes.</summary>
    private static OwnTypeCode Meaning(MethodBase method, OperandType operand, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        var reader = new OwnTypeReader();
        using (reader.hash)
        {
            reader.Token(method, operand, token, typeArguments, methodArguments);
            return reader.Result();
        }
    }

    private void Merge(OwnTypeCode meaning)
    {
        Add(meaning.Hash);
        ownTypes.UnionWith(meaning.OwnTypes);
        packages.UnionWith(meaning.Packages);
        foreach (var (assembly, reason) in meaning.WholeAssemblies)
        {
            wholeAssemblies.TryAdd(assembly, reason);
        }

        readsResources |= meaning.ReadsResources;
    }

    private void Token(MethodBase method, OperandType operand, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        var module = method.Module;
        if (operand == OperandType.InlineSig)
        {
            // A calli signature: its types are not resolved here, so the whole assembly counts.
            WholeAssembly(module.Assembly, $"{Where(method)} makes an indirect call");
            return;
        }

        try
        {
            if (operand == OperandType.InlineString)
            {
                // The string itself: a same-length edit can keep the token.
                Add("string", module.ResolveString(token));
                return;
            }

            Member(module.ResolveMember(token, typeArguments, methodArguments) ?? throw new ArgumentException("no member"));
        }
        catch (Exception e) when (IsUnresolvable(e))
        {
            Add("unresolved");
            WholeAssembly(module.Assembly, $"{Where(method)}: token 0x{token:x8} does not resolve ({e.GetType().Name})");
        }
    }

    private void Member(MemberInfo member)
    {
        switch (member)
        {
            case Type type:
                Add("type", Name(type));
                break;
            case FieldInfo field:
                Add("field", Owner(field), field.Name, Name(field.FieldType));
                if (field.Attributes.HasFlag(FieldAttributes.HasFieldRVA))
                {
                    StaticData(field);
                }

                break;
            case MethodBase method:
                Add("call", MethodName(method));
                inlining ??= [];
                if (TypeIdentity.IsCompilerHelper(method.DeclaringType) && inlining.Add(method))
                {
                    try
                    {
                        Method(method);
                    }
                    finally
                    {
                        inlining.Remove(method);
                    }
                }

                readsResources |= method.DeclaringType == typeof(ResourceManager)
                    || (method.DeclaringType == typeof(Assembly) && method.Name.StartsWith("GetManifestResource", StringComparison.Ordinal));
                break;
            default:
                Add("member", member.GetType().Name, member.Name);
                break;
        }
    }

    private void StaticData(FieldInfo field)
    {
        if (StaticFieldData.Read(field) is { } data)
        {
            Add("data");
            hash.AppendData(data);
        }
        else
        {
            WholeAssembly(field.Module.Assembly, $"the constant data of {Owner(field)}::{field.Name} cannot be read");
        }
    }

    private void Attributes(IEnumerable<CustomAttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            Add("@", Name(attribute.AttributeType), MethodName(attribute.Constructor));
            foreach (var argument in attribute.ConstructorArguments)
            {
                Argument(argument);
            }

            foreach (var named in attribute.NamedArguments)
            {
                Add("named", named.MemberName);
                Argument(named.TypedValue);
            }
        }
    }

    private void Argument(CustomAttributeTypedArgument argument)
    {
        Add("argument", Name(argument.ArgumentType));
        switch (argument.Value)
        {
            case ReadOnlyCollection<CustomAttributeTypedArgument> items:
                Add("items", Numbers(items.Count));
                foreach (var item in items)
                {
                    Argument(item);
                }

                break;
            case Type type:
                Add("typeof", Name(type));
                break;
            default:
                Add("value", Constant(argument.Value));
                break;
        }
    }

    private string MethodName(MethodBase method)
    {
        var name = new StringBuilder(Owner(method)).Append("::").Append(method.Name);
        if (method.IsGenericMethod)
        {
            name.Append('<').AppendJoin(',', method.GetGenericArguments().Select(Name)).Append('>');
        }

        name.Append('(').AppendJoin(',', method.GetParameters().Select(p => Name(p.ParameterType))).Append(')');
        return method is MethodInfo withResult ? name.Append(':').Append(Name(withResult.ReturnType)).ToString() : name.ToString();
    }

    private string Owner(MemberInfo member) => member.DeclaringType is { } owner ? Name(owner) : "<Module>";

    /// <summary>A type's identity, noting the own types and packages it names.</summary>
    private string Name(Type type)
    {
        var identity = TypeIdentity.Of(type);
        ownTypes.UnionWith(identity.OwnTypes);
        packages.UnionWith(identity.Packages);
        return identity.Name;
    }

    private static string Constant(object? value) => value switch
    {
        null => "null",
        string text => "\"" + text,
        IFormattable formattable => $"{value.GetType().Name}:{formattable.ToString(null, CultureInfo.InvariantCulture)}",
        _ => $"{value.GetType().Name}:{value}",
    };

    private static string Numbers(params ReadOnlySpan<int> values)
    {
        var text = new StringBuilder();
        foreach (var value in values)
        {
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(' ');
        }

        return text.ToString();
    }

    private static string Where(MethodBase method) => $"{method.DeclaringType?.FullName}.{method.Name}";

    private void WholeAssembly(Assembly assembly, string reason) => wholeAssemblies.TryAdd(assembly, reason);

    /// <summary>Length-prefixed parts, so ("ab", "c") and ("a", "bc") hash apart.</summary>
    private void Add(params ReadOnlySpan<string> parts)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        foreach (var part in parts)
        {
            BinaryPrimitives.WriteInt32LittleEndian(length, part.Length);
            hash.AppendData(length);
            hash.AppendData(Encoding.UTF8.GetBytes(part));
        }
    }
}
